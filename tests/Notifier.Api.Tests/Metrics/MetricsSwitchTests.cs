using System.Net;
using System.Net.Http.Headers;
using Notifier.Api.Tests.Support;

namespace Notifier.Api.Tests.Metrics;

/// <summary><c>Metrics:Enabled</c> and <c>Metrics:ScrapeKey</c>, each on a host of its own over one database.</summary>
[Collection(MetricsScrapes.Name)]
public sealed class MetricsSwitchTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private const string Key = "scrape-key-0123456789abcdef";

    [Fact]
    public async Task MetricsDisabled_HasNoMetricsEndpoint()
    {
        await using var factory = Host(new() { ["Metrics:Enabled"] = "false" });
        using var client = factory.CreateClient();

        using var metrics = await client.GetAsync(new Uri("/metrics", UriKind.Relative));
        using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, metrics.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task MetricsEnabledByDefault_AnswersWithoutAKey()
    {
        using var client = fixture.Factory.CreateClient();

        var scrape = await client.ScrapeAsync();

        Assert.True(scrape.Has("notifier_deliveries"));
    }

    [Fact]
    public async Task WithAScrapeKey_MetricsAnswersOnlyTheBearerOfThatKey()
    {
        await using var factory = Host(new() { ["Metrics:ScrapeKey"] = Key });
        using var client = factory.CreateClient();

        using var none = await client.GetAsync(new Uri("/metrics", UriKind.Relative));
        using var wrong = await SendAsync(client, "Bearer not-the-scrape-key-0123");
        using var right = await SendAsync(client, $"Bearer {Key}");

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("notifier_deliveries", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void AShortScrapeKey_StopsTheHostAtStart_NamingTheSetting()
    {
        using var factory = Host(new() { ["Metrics:ScrapeKey"] = "short" });

        var error = Assert.ThrowsAny<Exception>(() => factory.Server);

        Assert.Contains("Metrics:ScrapeKey", error.ToString(), StringComparison.Ordinal);
    }

    private NotifierApiFactory Host(Dictionary<string, string?> overrides) =>
        new(NotifierApiFactory.Settings(fixture.ConnectionString, fixture.Kakao, overrides));

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
        return client.SendAsync(request);
    }
}
