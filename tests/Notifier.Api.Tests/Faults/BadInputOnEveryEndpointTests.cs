using System.Net;
using System.Text;
using Notifier.Api.Tests.Support;
using Notifier.Testing.Database;

namespace Notifier.Api.Tests.Faults;

/// <summary>
/// Every endpoint that takes input, fed malformed JSON, wrong types, unknown fields, overlong strings, invalid UTF-8,
/// huge bodies, SQL-looking strings and unknown ids: always a 4xx problem, never a 500, and the database unchanged.
/// </summary>
public sealed class BadInputOnEveryEndpointTests(BadInputOnEveryEndpointTests.Fixture fixture) : IClassFixture<BadInputOnEveryEndpointTests.Fixture>
{
    private const string SqlLike = "'; DROP TABLE deliveries; --";

    /// <summary>The product's default owner model: the one account connected first owns the host; anyone else is a stranger.</summary>
    public sealed class Fixture : OneAccountFixture
    {
        protected override void Configure(IDictionary<string, string?> settings) => settings["Notifier:Owners"] = "";
    }

    public static TheoryData<string, string, string> BadBodies()
    {
        var data = new TheoryData<string, string, string>();
        string[] targets = ["POST /api/messages", "POST /api/schedules", "PUT /api/schedules/1"];
        string[] bodies =
        [
            "{",
            "[]",
            "\"text\"",
            "{\"text\": 5}",
            "{\"text\": \"hi\", \"nope\": 1}",
            "{\"accountId\": \"one\", \"text\": \"hi\"}",
            "{\"name\": \"" + new string('x', 5000) + "\", \"cron\": \"0 0 8 * * ?\", \"message\": {\"text\": \"" + new string('y', 5000) + "\"}}",
            "{\"text\": \"" + SqlLike + "\", \"accountId\": 999999}",
            "{\"name\": \"" + SqlLike + "\", \"cron\": \"" + SqlLike + "\", \"timeZone\": \"" + SqlLike + "\", \"message\": {\"text\": \"x\"}}",
            "{\"card\": {\"title\": \"t\", \"buttons\": [{\"title\": \"a\", \"link\": \"javascript:alert(1)\"}]}}",
            // Schedules:MinimumIntervalSeconds: every second, and twice a day one second apart.
            "{\"name\": \"fast\", \"cron\": \"* * * * * ?\", \"message\": {\"text\": \"x\"}}",
            "{\"name\": \"burst\", \"cron\": \"0,1 0 8,20 * * ?\", \"message\": {\"text\": \"x\"}}",
        ];
        foreach (var target in targets)
        {
            foreach (var body in bodies)
            {
                data.Add(target.Split(' ')[0], target.Split(' ')[1], body);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task BadBodies_AreAProblem_NeverA500_AndChangeNothing(string method, string path, string body)
    {
        var before = await CountsAsync();
        using var client = new ApiClient(fixture);
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

        var answer = await client.SendAsync(request);

        Assert.InRange((int)answer.Status, 400, 499);
        Assert.Equal("application/problem+json", answer.MediaType);
        Assert.Equal(before, await CountsAsync());
    }

    [Theory]
    [InlineData("POST", "/api/messages")]
    [InlineData("POST", "/api/schedules")]
    public async Task InvalidUtf8AndHugeBodies_AreAProblem_AndChangeNothing(string method, string path)
    {
        var before = await CountsAsync();
        using var client = new ApiClient(fixture);
        foreach (var bytes in new[] { new byte[] { 0x7B, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x7D }, Encoding.UTF8.GetBytes("{\"text\":\"" + new string('a', 2_000_000) + "\"}") })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new ByteArrayContent(bytes) };
            request.Content.Headers.ContentType = new("application/json");
            var answer = await client.SendAsync(request);
            Assert.Contains(answer.Status, new[] { HttpStatusCode.BadRequest, HttpStatusCode.RequestEntityTooLarge });
            Assert.Equal("application/problem+json", answer.MediaType);
        }

        Assert.Equal(before, await CountsAsync());
    }

    [Theory]
    [InlineData("GET", "/api/messages/999999")]
    [InlineData("GET", "/api/messages?status=" + "%27%3B%20DROP%20TABLE%20deliveries%3B%20--")]
    [InlineData("GET", "/api/messages?limit=abc")]
    [InlineData("GET", "/api/messages?since=yesterday")]
    [InlineData("GET", "/api/accounts/999999")]
    [InlineData("POST", "/api/accounts/999999/refresh")]
    [InlineData("GET", "/api/schedules/999999")]
    [InlineData("DELETE", "/api/schedules/999999")]
    [InlineData("POST", "/api/schedules/999999/trigger")]
    public async Task UnknownIdsAndBadQueries_AreAProblem_AndChangeNothing(string method, string path)
    {
        var before = await CountsAsync();
        using var client = new ApiClient(fixture);

        var answer = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Contains(answer.Status, new[] { HttpStatusCode.BadRequest, HttpStatusCode.NotFound });
        Assert.Equal("application/problem+json", answer.MediaType);
        Assert.Equal(before, await CountsAsync());
    }

    public static TheoryData<string, string, string?, string?> BadCredentials()
    {
        var data = new TheoryData<string, string, string?, string?>();
        string[] targets = ["POST /api/messages", "GET /api/messages", "POST /api/schedules", "GET /api/accounts", "POST /api/accounts/1/refresh", "DELETE /api/accounts/1"];
        (string? Header, string? Query)[] credentials =
        [
            ("Bearer", null),
            ("Basic %%%", null),
            ("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("no-colon")), null),
            ("Digest username=x", null),
            ("Bearer ntf_" + new string('x', 43), null),
            (null, "%%%"),
            (null, Convert.ToBase64String(Encoding.UTF8.GetBytes("Bearer"))),
            ("Bearer " + NotifierApiFactory.ApiKey, Convert.ToBase64String(Encoding.UTF8.GetBytes("Bearer " + NotifierApiFactory.ApiKey))),
        ];
        foreach (var target in targets)
        {
            foreach (var (header, query) in credentials)
            {
                data.Add(target.Split(' ')[0], target.Split(' ')[1], header, query);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BadCredentials))]
    public async Task MalformedOrWrongCredentials_AreA401Problem_AndChangeNothing(string method, string path, string? authorization, string? auth)
    {
        var before = await CountsAsync();
        using var client = new ApiClient(fixture, authorization);
        var target = auth is null ? path : $"{path}?auth={Uri.EscapeDataString(auth)}";
        using var request = new HttpRequestMessage(new HttpMethod(method), target) { Content = new StringContent("{\"text\":\"hi\"}", Encoding.UTF8, "application/json") };

        var answer = await client.SendAsync(request);

        answer.AssertProblem(HttpStatusCode.Unauthorized);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task ASqlLookingText_IsJustText_StoredAndSentVerbatim()
    {
        using var client = new ApiClient(fixture);
        var answer = await client.PostMessageAsync(new { text = SqlLike });

        Assert.Equal(HttpStatusCode.Accepted, answer.Status);
        var stored = await TestMariaDb.ScalarAsync(fixture.ConnectionString, "SELECT TemplateJson FROM deliveries WHERE Id = @id", ("id", answer.Json.GetProperty("id").GetInt64()));
        Assert.Contains(SqlLike, stored as string, StringComparison.Ordinal);
    }

    public static TheoryData<string, int, string> BadInviteLinks() => new()
    {
        { "unknown", 404, "This invite link is not valid" },
        { new string('A', 43), 404, "This invite link is not valid" },
        { Uri.EscapeDataString(SqlLike), 404, "This invite link is not valid" },
        { new string('x', 3000), 404, "This invite link is not valid" },
        { "%ff%fe%C3%28", 404, "This invite link is not valid" },
        { ExpiredInvite, 410, "This invite has expired" },
        { UsedInvite, 410, "This invite was already used" },
    };

    [Theory]
    [MemberData(nameof(BadInviteLinks))]
    public async Task BadInviteLinks_AreAReadablePage_StartNoSignIn_AndChangeNothing(string token, int status, string words)
    {
        await SeedInvitesAsync();
        var before = await CountsAsync();
        using var browser = fixture.Factory.CreateBrowser();

        using var response = await browser.GetAsync(new Uri($"/join/{token}", UriKind.Relative));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(words, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task AStrangersConnect_IsAReadable403_AndChangesNothing()
    {
        var before = await CountsAsync();
        using var stranger = fixture.Factory.CreateBrowser();

        using var callback = await KakaoBrowserFlow.ConnectAsync(stranger, fixture.Kakao, 8999, SqlLike);

        Assert.Equal(HttpStatusCode.Forbidden, callback.StatusCode);
        Assert.Equal("text/html", callback.Content.Headers.ContentType?.MediaType);
        Assert.Contains("This Notifier belongs to someone else", await callback.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
    }

    [Theory]
    [InlineData("/account/sign-out")]
    [InlineData("/invites")]
    [InlineData("/invites/1/revoke")]
    public async Task OwnerForms_WithoutAntiforgeryToken_Are400_AndChangeNothing(string action)
    {
        using var owner = await Notifier.Api.Tests.OwnerPages.OwnerBrowser.ConnectAsync(fixture, OneAccountFixture.KakaoUserId, "Only one");
        var before = await CountsAsync();

        using var refused = await owner.PostAsync(action, null);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("This form was not accepted", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/invites")).Status);
        Assert.Equal(before, await CountsAsync());
    }

    // Well-formed tokens (43 base64url characters) of invites stored expired and used.
    private static readonly string ExpiredInvite = "expired".PadRight(43, 'x');
    private static readonly string UsedInvite = "used".PadRight(43, 'x');

    private async Task SeedInvitesAsync()
    {
        foreach (var (token, expires, used) in new[] { (ExpiredInvite, "UTC_TIMESTAMP(6) - INTERVAL 1 HOUR", "NULL"), (UsedInvite, "UTC_TIMESTAMP(6) + INTERVAL 1 HOUR", "UTC_TIMESTAMP(6)") })
        {
            await TestMariaDb.ScalarAsync(fixture.ConnectionString,
                $"INSERT IGNORE INTO invites (TokenHash, CreatedByAccountId, CreatedAt, ExpiresAt, UsedAt) VALUES (@hash, @account, UTC_TIMESTAMP(6), {expires}, {used})",
                ("@hash", Notifier.Core.Owners.InviteTokens.Hash(token)), ("@account", fixture.AccountId));
        }
    }

    private async Task<string> CountsAsync()
    {
        var counts = new List<object?>();
        foreach (var table in new[] { "accounts", "deliveries", "schedules", "idempotency_keys", "invites", "api_keys" })
        {
            counts.Add(await TestMariaDb.ScalarAsync(fixture.ConnectionString, $"SELECT COUNT(*) FROM {table}"));
        }

        counts.Add(await TestMariaDb.ScalarAsync(fixture.ConnectionString, "SELECT CONCAT(COUNT(*), ':', COALESCE(SUM(CRC32(CONCAT_WS('|', Status, Nickname, UpdatedAt))), 0)) FROM accounts"));
        return string.Join(",", counts);
    }
}
