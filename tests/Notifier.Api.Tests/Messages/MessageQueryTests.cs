using System.Net;
using Notifier.Api.Tests.Support;

namespace Notifier.Api.Tests.Messages;

public class MessageQueryFixture : MessagingFixture;

/// <summary>The same fixture on the SQLite default.</summary>
public sealed class MessageQueryFixtureOnSqlite : MessageQueryFixture
{
    protected override Notifier.Testing.Database.ITestDatabase CreateDatabase() => OnSqlite();
}

/// <summary>Reading the delivery log: one message, pages newest first, filters, and every bad id or query refused.</summary>
public abstract class MessageQueryTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : MessageQueryFixture
{
    [Theory]
    [InlineData("/api/messages/987654321")]
    [InlineData("/api/messages/0")]
    [InlineData("/api/messages/-1")]
    public async Task GetMessage_Unknown_Is404Problem(string path)
    {
        using var api = new ApiClient(fixture);

        (await api.GetAsync(path)).AssertProblemDetail(HttpStatusCode.NotFound, "no message");
    }

    [Theory]
    [InlineData("/api/messages/abc")]
    [InlineData("/api/messages/99999999999999999999")]
    public async Task GetMessage_WithANonNumericId_Is404Problem(string path)
    {
        using var api = new ApiClient(fixture);

        (await api.GetAsync(path)).AssertProblem(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("status=nope", "status")]
    [InlineData("status=SENT1", "status")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("limit=-5", "limit")]
    public async Task ListMessages_WithABadQuery_Is400NamingTheParameter(string query, string parameter)
    {
        using var api = new ApiClient(fixture);

        var answer = await api.GetAsync($"/api/messages?{query}");

        answer.AssertFieldError(parameter);
    }

    [Theory]
    [InlineData("limit=many")]
    [InlineData("since=yesterday")]
    [InlineData("cursor=x")]
    [InlineData("accountId=me")]
    public async Task ListMessages_WithAnUnparsableValue_Is400Problem(string query)
    {
        using var api = new ApiClient(fixture);

        (await api.GetAsync($"/api/messages?{query}")).AssertProblem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ListMessages_PagesNewestFirst_AndFilters()
    {
        var accountId = await fixture.ConnectAccountAsync(8101);
        var otherId = await fixture.ConnectAccountAsync(8102);
        using var api = new ApiClient(fixture);
        var ids = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await api.SendAcceptedAsync(new { accountId, text = $"list {i}" }));
        }

        var other = await api.SendAcceptedAsync(new { accountId = otherId, text = "someone else's" });

        var first = (await api.GetAsync($"/api/messages?accountId={accountId}&limit=2")).Json;
        Assert.Equal([ids[2], ids[1]], first.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetInt64()));
        var cursor = first.GetProperty("nextCursor").GetInt64();
        var second = (await api.GetAsync($"/api/messages?accountId={accountId}&limit=2&cursor={cursor}")).Json;
        Assert.Equal([ids[0]], second.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetInt64()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);

        var queued = (await api.GetAsync($"/api/messages?accountId={accountId}&status=queued")).Json.GetProperty("items");
        Assert.Equal(3, queued.GetArrayLength());
        Assert.All(queued.EnumerateArray(), m => Assert.Equal(accountId, m.GetProperty("accountId").GetInt64()));
        Assert.Equal(0, (await api.GetAsync($"/api/messages?accountId={accountId}&status=sent")).Json.GetProperty("items").GetArrayLength());
        var future = DateTime.UtcNow.AddHours(1).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(0, (await api.GetAsync($"/api/messages?since={Uri.EscapeDataString(future)}")).Json.GetProperty("items").GetArrayLength());
        var all = (await api.GetAsync("/api/messages")).Json.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetInt64()).ToList();
        Assert.Contains(other, all);
        Assert.Equal(all.OrderDescending(), all);
    }

    [Fact]
    public async Task ReadingMessages_WithoutAKey_Is401()
    {
        using var api = new ApiClient(fixture, authorization: null);

        (await api.GetAsync("/api/messages")).AssertProblem(HttpStatusCode.Unauthorized);
        (await api.GetAsync("/api/messages/1")).AssertProblem(HttpStatusCode.Unauthorized);
    }
}

public sealed class MessageQueryTestsOnMariaDb(MessageQueryFixture fixture) : MessageQueryTests<MessageQueryFixture>(fixture);

public sealed class MessageQueryTestsOnSqlite(MessageQueryFixtureOnSqlite fixture) : MessageQueryTests<MessageQueryFixtureOnSqlite>(fixture);
