using System.Net;
using Notifier.Api.Tests.Support;

namespace Notifier.Api.Tests.ApiKeys;

/// <summary>A bucket of three requests that refills once in 100 s: the fourth request of a key is refused, the next key's are not.</summary>
public sealed class RateLimitFixture : MessagingFixture
{
    public const string SecondKey = "second-operator-key-0123456789abcdef";

    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Api:Keys:second"] = SecondKey;
        settings["Api:RateLimit:PermitsPerSecond"] = "0.01";
        settings["Api:RateLimit:Burst"] = "3";
    }
}

public sealed class RateLimitTests(RateLimitFixture fixture) : IClassFixture<RateLimitFixture>
{
    [Fact]
    public async Task OverItsBurst_AKeyGets429WithRetryAfterAndAProblem_AnotherKeyIsNotHeldBack()
    {
        using var first = fixture.Factory.CreateClient();
        first.DefaultRequestHeaders.Authorization = new("Bearer", NotifierApiFactory.ApiKey);
        using var second = fixture.Factory.CreateClient();
        second.DefaultRequestHeaders.Authorization = new("Bearer", RateLimitFixture.SecondKey);

        var allowed = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var ok = await first.GetAsync(new Uri("/api/accounts", UriKind.Relative));
            allowed.Add(ok.StatusCode);
        }

        using var refused = await first.GetAsync(new Uri("/api/messages", UriKind.Relative));
        using var other = await second.GetAsync(new Uri("/api/accounts", UriKind.Relative));

        Assert.All(allowed, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Api:RateLimit", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 100);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task WithoutAKey_ItIs401_NotARateLimitAnswer()
    {
        using var anonymous = fixture.Factory.CreateClient();

        for (var i = 0; i < 5; i++)
        {
            using var response = await anonymous.GetAsync(new Uri("/api/accounts", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }
}
