using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Notifier.Api.Tests.Support;

namespace Notifier.Api.Tests.Integrations;

public class NtfyBadInputFixture : OneAccountFixture;

/// <summary>The same fixture on SQLite (the default provider); the tests below run on both.</summary>
public sealed class NtfyBadInputFixtureOnSqlite : NtfyBadInputFixture
{
    protected override Notifier.Testing.Database.ITestDatabase CreateDatabase() => OnSqlite();
}

/// <summary>Topic paths ntfy publishing refuses, and the word the refusal's title has.</summary>
public static class NtfyBadTopics
{
    public static TheoryData<string, string> All => new()
    {
        { "/has.dot", "not valid" },
        { "/" + new string('a', 65), "not valid" },
        { "/health", "reserved" },
        { "/deliveries", "reserved" },
        { "/topics", "reserved" },
        { "/api", "reserved" },
        { "/hooks", "reserved" },
        { "/m", "reserved" },
        { "/v1", "reserved" },
    };
}

/// <summary>Every refusal of the ntfy endpoints is a problem that says what is wrong, and stores nothing.</summary>
public abstract class NtfyBadInputTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : NtfyBadInputFixture
{
    [Theory]
    [MemberData(nameof(NtfyBadTopics.All), MemberType = typeof(NtfyBadTopics))]
    public async Task ABadOrReservedTopic_Is400(string path, string title)
    {
        var answer = await PostAsync(path, new StringContent("hello"));

        Assert.Contains(title, answer.AssertProblem(HttpStatusCode.BadRequest).GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await fixture.DeliveryCountAsync());
    }

    [Fact]
    public async Task ABadPriority_Is400()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/alerts") { Content = new StringContent("hello") };
        request.Headers.Add("Priority", "extreme");

        var answer = await SendAsync(request);

        answer.AssertProblemDetail(HttpStatusCode.BadRequest, "1 to 5");
        Assert.Equal(0, await fixture.DeliveryCountAsync());
    }

    [Fact]
    public async Task AnOversizeBody_Is413()
    {
        var answer = await PostAsync("/alerts", new StringContent(new string('x', 65 * 1024)));

        answer.AssertProblem(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(0, await fixture.DeliveryCountAsync());
    }

    [Fact]
    public async Task ABodyThatIsNotUtf8_Is400()
    {
        var answer = await PostAsync("/alerts", new ByteArrayContent([0xff, 0xfe, 0x00, 0x41]));

        answer.AssertProblemDetail(HttpStatusCode.BadRequest, "UTF-8");
        Assert.Equal(0, await fixture.DeliveryCountAsync());
    }

    [Theory]
    [InlineData("{\"topic\":\"alerts\",\"message\":", "ntfy's JSON")]
    [InlineData("{\"message\":\"no topic\"}", "'topic'")]
    [InlineData("{\"topic\":\"alerts\",\"priority\":9}", "1 to 5")]
    [InlineData("{\"topic\":\"bad topic\",\"message\":\"x\"}", "letters, digits")]
    public async Task MalformedJson_Is400(string json, string detail)
    {
        var answer = await PostAsync("/", new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json")));

        answer.AssertProblemDetail(HttpStatusCode.BadRequest, detail);
        Assert.Equal(0, await fixture.DeliveryCountAsync());
    }

    [Fact]
    public async Task AWrongKey_Is401()
    {
        using var api = new ApiClient(fixture, "Bearer not-the-key");
        var answer = await api.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/alerts") { Content = new StringContent("hello") });

        answer.AssertProblem(HttpStatusCode.Unauthorized);
        Assert.Equal(0, await fixture.DeliveryCountAsync());
    }

    private Task<ApiAnswer> PostAsync(string path, HttpContent content) => SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = content });

    private async Task<ApiAnswer> SendAsync(HttpRequestMessage request)
    {
        using var api = new ApiClient(fixture);
        return await api.SendAsync(request);
    }
}

public sealed class NtfyBadInputTestsOnMariaDb(NtfyBadInputFixture fixture) : NtfyBadInputTests<NtfyBadInputFixture>(fixture);

public sealed class NtfyBadInputTestsOnSqlite(NtfyBadInputFixtureOnSqlite fixture) : NtfyBadInputTests<NtfyBadInputFixtureOnSqlite>(fixture);
