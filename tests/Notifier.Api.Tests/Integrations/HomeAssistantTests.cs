using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Notifier.Api.Tests.ApiKeys;
using Notifier.Api.Tests.OwnerPages;
using Notifier.Api.Tests.Support;
using Notifier.Testing;

namespace Notifier.Api.Tests.Integrations;

public class HomeAssistantFixture : IntegrationFixture;

/// <summary>The same fixture on SQLite (the default provider); the tests below run on both.</summary>
public sealed class HomeAssistantFixtureOnSqlite : HomeAssistantFixture
{
    protected override Notifier.Testing.Database.ITestDatabase CreateDatabase() => OnSqlite();
}

/// <summary>
/// Home Assistant's ntfy integration, call for call as its client <c>aiontfy</c> makes them (config flow: <c>account()</c>
/// with Basic user:password, then <c>generate_token("Home Assistant")</c>; afterwards Bearer token: <c>account()</c> every
/// 15 minutes, <c>version()</c>, and <c>publish(Message(topic, message, title))</c> as <c>POST /</c> with
/// <c>Message.to_dict()</c>), and each answer checked against what <c>aiontfy</c>'s dataclasses require to parse
/// (mashumaro: required fields present, lists never null). <c>aiontfy</c> itself is on PyPI only, which this machine
/// cannot reach, so its expectations are copied here from its source (<c>aiontfy/types.py</c>, <c>exceptions.py</c>).
/// </summary>
public abstract class HomeAssistantTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : HomeAssistantFixture
{
    private const long OwnerKakaoUserId = 9150;

    [Fact]
    public async Task SetUpAsHomeAssistantDoes_ThenPublish_DeliversTheMemo_AndTheAccountCountsIt()
    {
        using var owner = await OwnerBrowser.ConnectAsync(fixture, OwnerKakaoUserId, "Home owner");
        var key = await OwnerKeys.MakeAsync(owner, "home-assistant");
        using var basic = fixture.Client("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("hass-user:" + key)));

        // Config flow: account() with the user name and password typed in.
        var setup = await JsonAsync(await basic.GetAsync("/v1/account"), HttpStatusCode.OK);
        AssertAccount(setup, "hass-user", "user", messages: 0);

        // Then generate_token("Home Assistant"): the key itself, never cached.
        using var tokenResponse = await basic.PostAsync("/v1/account/token",
            new StringContent("""{"label":"Home Assistant","expires":0}""", Encoding.UTF8, "application/json"));
        Assert.Equal("no-store", tokenResponse.Headers.CacheControl?.ToString());
        var token = await JsonAsync(tokenResponse, HttpStatusCode.OK);
        Assert.Equal(key, token.GetProperty("token").GetString());
        Assert.Equal("Home Assistant", token.GetProperty("label").GetString());
        Assert.InRange(token.GetProperty("last_access").GetInt64(), DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds());

        // From now on Bearer with that token: the coordinator's account(), the version check, and publish().
        using var bearer = fixture.Client("Bearer " + token.GetProperty("token").GetString());
        AssertAccount(await JsonAsync(await bearer.GetAsync("/v1/account"), HttpStatusCode.OK), "home-assistant", "user", messages: 0);
        // version(): ntfy's 40401 is what Home Assistant takes as "no version to show" (NtfyNotFoundPageError).
        AssertNtfyError(await JsonAsync(await bearer.GetAsync("/v1/version"), HttpStatusCode.NotFound), 40401, 404);

        // Message(topic="home", message=..., title=...).to_dict(): every field, the unused ones null, [] or false.
        const string published = """
            {"topic":"home","message":"hass-marker The washing machine is done","title":"Laundry","tags":[],"priority":null,
             "actions":[],"click":null,"attach":null,"markdown":false,"icon":null,"filename":null,"delay":null,"email":null,
             "call":null,"sequence_id":null}
            """;
        var notification = await JsonAsync(await bearer.PostAsync("/", new StringContent(published, Encoding.UTF8, "application/json")), HttpStatusCode.OK);
        // Notification.from_json: id (str), time (int), event (an Event), topic required; tags, if present, a list.
        Assert.Equal(JsonValueKind.String, notification.GetProperty("id").ValueKind);
        Assert.Equal(JsonValueKind.Number, notification.GetProperty("time").ValueKind);
        Assert.Equal("message", notification.GetProperty("event").GetString());
        Assert.Equal("home", notification.GetProperty("topic").GetString());
        Assert.False(notification.TryGetProperty("tags", out var tags) && tags.ValueKind != JsonValueKind.Array);

        var memo = await fixture.MemoAsync("hass-marker", OwnerKakaoUserId);
        Assert.Equal("Laundry", memo["content"]!["title"]!.GetValue<string>());
        Assert.Equal("hass-marker The washing machine is done", memo["content"]!["description"]!.GetValue<string>());

        // The sensors: today's memos against the daily cap (20 by default).
        var counted = await Eventually.MatchAsync(
            async () => await JsonAsync(await bearer.GetAsync("/v1/account"), HttpStatusCode.OK),
            a => a.GetProperty("stats").GetProperty("messages").GetInt64() == 1, "the account counting the memo");
        Assert.Equal(19, counted.GetProperty("stats").GetProperty("messages_remaining").GetInt64());
        Assert.Equal(20, counted.GetProperty("limits").GetProperty("messages").GetInt64());
    }

    [Fact]
    public async Task TheAccountApi_RefusesInNtfysErrorJson_AndStoresNothing()
    {
        var before = await fixture.DeliveryCountAsync();

        // No credentials (the config flow without a user name) and a wrong key: 40101, which Home Assistant shows as
        // "invalid authentication" (NtfyUnauthorizedAuthenticationError).
        using (var anonymous = fixture.Client(authorization: null))
        {
            AssertNtfyError(await JsonAsync(await anonymous.GetAsync("/v1/account"), HttpStatusCode.Unauthorized), 40101, 401);
        }

        using (var wrong = fixture.Client("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("hass-user:ntf_not-a-key"))))
        {
            AssertNtfyError(await JsonAsync(await wrong.GetAsync("/v1/account"), HttpStatusCode.Unauthorized), 40101, 401);
            AssertNtfyError(await JsonAsync(await wrong.PostAsync("/v1/account/token", new StringContent("{}")), HttpStatusCode.Unauthorized), 40101, 401);
        }

        using var client = fixture.Client();
        var badBody = await JsonAsync(await client.PostAsync("/v1/account/token", new StringContent("{\"label\":", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        AssertNtfyError(badBody, 40000, 400);
        Assert.Contains("token request", badBody.GetProperty("error").GetString(), StringComparison.Ordinal);
        var notOffered = await JsonAsync(await client.GetAsync("/v1/stats"), HttpStatusCode.NotFound);
        AssertNtfyError(notOffered, 40401, 404);
        Assert.Contains("GET /v1/account", notOffered.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await fixture.DeliveryCountAsync());
    }

    /// <summary>aiontfy's <c>Account</c>: <c>username</c> and <c>stats</c> required, <c>limits</c>/<c>tier</c> complete when present, lists never null.</summary>
    private static void AssertAccount(JsonElement account, string username, string role, long messages)
    {
        Assert.Equal(username, account.GetProperty("username").GetString());
        Assert.Equal(role, account.GetProperty("role").GetString());
        foreach (var name in new[] { "messages", "messages_remaining", "emails", "emails_remaining", "calls", "calls_remaining", "reservations", "reservations_remaining", "attachment_total_size", "attachment_total_size_remaining" })
        {
            Assert.Equal(JsonValueKind.Number, account.GetProperty("stats").GetProperty(name).ValueKind);
        }

        foreach (var name in new[] { "messages", "messages_expiry_duration", "emails", "calls", "reservations", "attachment_total_size", "attachment_file_size", "attachment_expiry_duration", "attachment_bandwidth" })
        {
            Assert.Equal(JsonValueKind.Number, account.GetProperty("limits").GetProperty(name).ValueKind);
        }

        Assert.Equal(JsonValueKind.String, account.GetProperty("tier").GetProperty("code").ValueKind);
        Assert.Equal(JsonValueKind.String, account.GetProperty("tier").GetProperty("name").ValueKind);
        foreach (var list in new[] { "subscriptions", "reservations", "tokens" })
        {
            Assert.Equal(JsonValueKind.Array, account.GetProperty(list).ValueKind);
        }

        Assert.Equal(messages, account.GetProperty("stats").GetProperty("messages").GetInt64());
        Assert.Equal(90L * 86400, account.GetProperty("limits").GetProperty("messages_expiry_duration").GetInt64());
    }

    /// <summary>aiontfy calls <c>raise_http_error(**body)</c>: exactly code, http, error and link, or it fails with a TypeError.</summary>
    private static void AssertNtfyError(JsonElement error, int code, int http)
    {
        Assert.Equal(["code", "error", "http", "link"], error.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(code, error.GetProperty("code").GetInt32());
        Assert.Equal(http, error.GetProperty("http").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("error").GetString()));
        Assert.Equal(JsonValueKind.String, error.GetProperty("link").ValueKind);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {body}");
            return JsonDocument.Parse(body).RootElement.Clone();
        }
    }
}

public sealed class HomeAssistantTestsOnMariaDb(HomeAssistantFixture fixture) : HomeAssistantTests<HomeAssistantFixture>(fixture);

public sealed class HomeAssistantTestsOnSqlite(HomeAssistantFixtureOnSqlite fixture) : HomeAssistantTests<HomeAssistantFixtureOnSqlite>(fixture);
