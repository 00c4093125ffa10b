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

    public sealed class Fixture : OneAccountFixture;

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

    private async Task<string> CountsAsync()
    {
        var counts = new List<object?>();
        foreach (var table in new[] { "accounts", "deliveries", "schedules", "idempotency_keys", "api_keys" })
        {
            counts.Add(await TestMariaDb.ScalarAsync(fixture.ConnectionString, $"SELECT COUNT(*) FROM {table}"));
        }

        counts.Add(await TestMariaDb.ScalarAsync(fixture.ConnectionString, "SELECT CONCAT(COUNT(*), ':', COALESCE(SUM(CRC32(CONCAT_WS('|', Status, Nickname, UpdatedAt))), 0)) FROM accounts"));
        return string.Join(",", counts);
    }
}
