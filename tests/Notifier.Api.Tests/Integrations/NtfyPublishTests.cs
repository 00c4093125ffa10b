using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Notifier.Api.Tests.Support;
using Notifier.Core.Integrations;

namespace Notifier.Api.Tests.Integrations;

public class NtfyPublishFixture : IntegrationFixture;

/// <summary>The same fixture on SQLite (the default provider); the tests below run on both.</summary>
public sealed class NtfyPublishFixtureOnSqlite : NtfyPublishFixture
{
    protected override Notifier.Testing.Database.ITestDatabase CreateDatabase() => OnSqlite();
}

/// <summary>ntfy's publish API as ntfy documents it, delivered through the real dispatcher to the fake Kakao.</summary>
public abstract class NtfyPublishTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : NtfyPublishFixture
{
    [Fact]
    public async Task PostTopic_WithHeaders_Answers200WithNtfysJson_AndSendsACardWithEmojiTitle()
    {
        using var client = fixture.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/backups") { Content = new StringContent("Disk almost full on nas-1") };
        request.Headers.Add("X-Title", "Backup warning");
        request.Headers.Add("Tags", "warning,nas");
        request.Headers.Add("p", "5");
        request.Headers.Add("Click", "https://status.example.com/nas-1");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("message", answer.GetProperty("event").GetString());
        Assert.Equal("backups", answer.GetProperty("topic").GetString());
        Assert.Equal("Disk almost full on nas-1", answer.GetProperty("message").GetString());
        Assert.Equal("Backup warning", answer.GetProperty("title").GetString());
        Assert.False(string.IsNullOrEmpty(answer.GetProperty("id").GetString()));
        Assert.InRange(answer.GetProperty("time").GetInt64(), DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeSeconds());

        var memo = await fixture.MemoAsync("nas-1");
        Assert.Equal("⚠️", NtfyEmoji.For("warning"));
        KakaoMemos.AssertJsonEqual(JsonNode.Parse("""
            {"object_type":"feed",
             "content":{"title":"🚨⚠️ Backup warning","description":"Disk almost full on nas-1\n#nas",
                        "link":{"web_url":"https://status.example.com/nas-1","mobile_web_url":"https://status.example.com/nas-1"}},
             "buttons":[{"title":"열기","link":{"web_url":"https://status.example.com/nas-1","mobile_web_url":"https://status.example.com/nas-1"}}]}
            """)!, memo);
    }

    [Fact]
    public async Task PutTopic_WithOnlyAText_SendsATextMemo_AndTheTopicIsOnTheDelivery()
    {
        using var client = fixture.Client();

        using var response = await client.PutAsync("/plain-topic", new StringContent("just a line from cron"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = long.Parse((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var memo = await fixture.MemoAsync("just a line from cron");
        KakaoMemos.AssertJsonEqual(JsonNode.Parse("""
            {"object_type":"text","text":"just a line from cron","link":{"web_url":"https://notifier.example.com","mobile_web_url":"https://notifier.example.com"}}
            """)!, memo);
        using var api = new ApiClient(fixture);
        var listed = (await api.GetAsync("/api/messages?topic=plain-topic")).Json.GetProperty("items");
        Assert.Equal(id, Assert.Single(listed.EnumerateArray()).GetProperty("id").GetInt64());
        Assert.Equal("plain-topic", listed[0].GetProperty("topic").GetString());
        Assert.Empty((await api.GetAsync("/api/messages?topic=no-such-topic")).Json.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task ShortFormsAsQueryParameters_WorkAsHeadersDo()
    {
        using var client = fixture.Client();

        using var response = await client.PostAsync("/query-forms?t=Deployed&p=high&ta=tada,white_check_mark", new StringContent("v2.3 is live"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var memo = await fixture.MemoAsync("v2.3 is live");
        Assert.Equal($"{NtfyEmoji.For("tada")}{NtfyEmoji.For("white_check_mark")} Deployed", memo["content"]!["title"]!.GetValue<string>());
        Assert.Equal("🎉✅", NtfyEmoji.For("tada") + NtfyEmoji.For("white_check_mark"));
        Assert.Equal("v2.3 is live", memo["content"]!["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task PostRootWithJson_AsAppriseSendsIt_UsesTheViewActionAsLinkAndTheImageAttachment()
    {
        using var client = fixture.Client();
        var body = new
        {
            topic = "json-topic",
            title = "Camera",
            message = "Motion at the door",
            tags = new[] { "frontdoor" },
            priority = 4,
            attach = "https://m.example.com/snap.jpg",
            actions = new object[] { new { action = "view", label = "Live view", url = "https://m.example.com/live" }, new { action = "http", label = "Siren", url = "https://m.example.com/siren" } },
        };

        using var response = await client.PostAsJsonAsync("/", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("json-topic", answer.GetProperty("topic").GetString());
        Assert.Equal(4, answer.GetProperty("priority").GetInt32());
        var memo = await fixture.MemoAsync("Motion at the door");
        KakaoMemos.AssertJsonEqual(JsonNode.Parse("""
            {"object_type":"feed",
             "content":{"title":"Camera","description":"Motion at the door\n#frontdoor","image_url":"https://m.example.com/snap.jpg",
                        "link":{"web_url":"https://m.example.com/live","mobile_web_url":"https://m.example.com/live"}},
             "buttons":[{"title":"Live view","link":{"web_url":"https://m.example.com/live","mobile_web_url":"https://m.example.com/live"}}]}
            """)!, memo);
    }

    [Fact]
    public async Task WithoutAuthorization_Is401_AndStoresNothing()
    {
        using var client = fixture.Client(authorization: null);
        var before = await fixture.DeliveryCountAsync();

        using var response = await client.PostAsync("/no-auth", new StringContent("hello"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, await fixture.DeliveryCountAsync());
    }

    [Fact]
    public async Task GetOfTheHomePage_StillShowsTheHomePage()
    {
        using var client = fixture.Client(authorization: null);

        using var home = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal("text/html", home.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Notifier", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", "/no-such-page")]
    [InlineData("GET", "/favicon.ico")]
    [InlineData("DELETE", "/some-topic")]
    public async Task OtherMethodsOnAOneSegmentPath_StayNotFound(string method, string path)
    {
        using var client = fixture.Client(authorization: null);

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AMarkdownMessage_IsSentAsItsText()
    {
        using var client = fixture.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/md-topic") { Content = new StringContent("**Done** in 3 min", Encoding.UTF8, "text/markdown") };
        request.Headers.Add("Title", "Build");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var memo = await fixture.MemoAsync("Done** in 3 min");
        Assert.Equal("Build", memo["content"]!["title"]!.GetValue<string>());
    }
}

public sealed class NtfyPublishTestsOnMariaDb(NtfyPublishFixture fixture) : NtfyPublishTests<NtfyPublishFixture>(fixture);

public sealed class NtfyPublishTestsOnSqlite(NtfyPublishFixtureOnSqlite fixture) : NtfyPublishTests<NtfyPublishFixtureOnSqlite>(fixture);
