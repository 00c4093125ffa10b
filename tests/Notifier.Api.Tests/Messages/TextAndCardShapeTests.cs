using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Notifier.Api.Tests.Support;

namespace Notifier.Api.Tests.Messages;

/// <summary>A host that dispatches to the fake Kakao at once.</summary>
public sealed class TextAndCardShapesFixture : MessagingFixture
{
    protected override bool Dispatch => true;
}

/// <summary>Text and card messages reach Kakao as the text and feed templates kakao-api.md §4 documents.</summary>
public sealed class TextAndCardShapeTests(TextAndCardShapesFixture fixture) : IClassFixture<TextAndCardShapesFixture>
{
    private const string DefaultUrl = MessagingFixture.PublicUrl;

    [Fact]
    public async Task PostText_WithoutALink_ReachesKakaoAsATextTemplateLinkingToThePublicUrl()
    {
        var accountId = await fixture.ConnectAccountAsync(7001);
        using var api = new ApiClient(fixture);
        const string text = "빌드 완료 ✅ \"quoted\" <b>not html</b> & 100%";

        var id = await api.SendAcceptedAsync(new { accountId, text });

        var sent = await api.WaitForStatusAsync(id, "sent");
        fixture.Kakao.AssertSingleMemo(7001, new JsonObject { ["object_type"] = "text", ["text"] = text, ["link"] = KakaoMemos.Link(DefaultUrl) });
        Assert.Equal(id, sent.GetProperty("id").GetInt64());
        Assert.Equal(accountId, sent.GetProperty("accountId").GetInt64());
        Assert.Equal(1, sent.GetProperty("attempts").GetInt32());
        Assert.True(sent.GetProperty("sentAt").GetDateTime() >= sent.GetProperty("createdAt").GetDateTime());
        Assert.Equal(JsonValueKind.Null, sent.GetProperty("lastError").ValueKind);
        Assert.Equal(JsonValueKind.Null, sent.GetProperty("scheduleId").ValueKind);
    }

    [Fact]
    public async Task PostText_WithALink_ReachesKakaoWithThatLink()
    {
        var accountId = await fixture.ConnectAccountAsync(7002);
        using var api = new ApiClient(fixture);

        var id = await api.SendAcceptedAsync(new { accountId, text = "Incident 7 resolved", link = "https://status.example.com/incidents/7?tab=log" });

        await api.WaitForStatusAsync(id, "sent");
        fixture.Kakao.AssertSingleMemo(7002, JsonNode.Parse("""
            {"object_type":"text","text":"Incident 7 resolved",
             "link":{"web_url":"https://status.example.com/incidents/7?tab=log","mobile_web_url":"https://status.example.com/incidents/7?tab=log"}}
            """)!);
    }

    [Fact]
    public async Task PostText_IsSentAsAFormWithOnlyTemplateObject_AndTheAccountsToken()
    {
        var accountId = await fixture.ConnectAccountAsync(7003);
        using var api = new ApiClient(fixture);
        var marker = "form check " + Guid.NewGuid().ToString("N");

        await api.WaitForStatusAsync(await api.SendAcceptedAsync(new { accountId, text = marker }), "sent");

        var request = Assert.Single(fixture.Kakao.Server.LogEntries.Select(e => e.RequestMessage!),
            r => r.Path == "/v2/api/talk/memo/default/send" && (r.Body ?? "").Contains(marker.Replace(' ', '+'), StringComparison.Ordinal));
        var headers = request.Headers!;
        var contentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(headers["Content-Type"].Single());
        Assert.Equal("application/x-www-form-urlencoded", contentType.MediaType);
        Assert.Equal("utf-8", contentType.CharSet, ignoreCase: true);
        Assert.StartsWith("Bearer access-", headers["Authorization"].Single(), StringComparison.Ordinal);
        var form = QueryHelpers.ParseQuery(request.Body);
        Assert.Equal(["template_object"], form.Keys);
        KakaoMemos.AssertJsonEqual(
            new JsonObject { ["object_type"] = "text", ["text"] = marker, ["link"] = KakaoMemos.Link(DefaultUrl) },
            JsonNode.Parse(form["template_object"].ToString()));
    }

    [Fact]
    public async Task PostCard_WithEverything_ReachesKakaoAsAFeedTemplate()
    {
        var accountId = await fixture.ConnectAccountAsync(7004);
        using var api = new ApiClient(fixture);
        var card = new
        {
            title = "배포 완료",
            description = "v1.2.3 is live on production",
            imageUrl = "https://cdn.example.com/img/deploy.png",
            imageWidth = 640,
            imageHeight = 320,
            link = "https://ci.example.com/runs/42",
            buttons = new[] { new { title = "Open run", link = "https://ci.example.com/runs/42" }, new { title = "Logs", link = "https://logs.example.com/42" } },
        };

        var id = await api.SendAcceptedAsync(new { accountId, card });

        await api.WaitForStatusAsync(id, "sent");
        fixture.Kakao.AssertSingleMemo(7004, JsonNode.Parse("""
            {"object_type":"feed",
             "content":{"title":"배포 완료","description":"v1.2.3 is live on production",
                        "image_url":"https://cdn.example.com/img/deploy.png","image_width":640,"image_height":320,
                        "link":{"web_url":"https://ci.example.com/runs/42","mobile_web_url":"https://ci.example.com/runs/42"}},
             "buttons":[{"title":"Open run","link":{"web_url":"https://ci.example.com/runs/42","mobile_web_url":"https://ci.example.com/runs/42"}},
                        {"title":"Logs","link":{"web_url":"https://logs.example.com/42","mobile_web_url":"https://logs.example.com/42"}}]}
            """)!);
    }

    [Fact]
    public async Task PostCard_WithOnlyATitle_ReachesKakaoAsAFeedLinkingToThePublicUrl()
    {
        var accountId = await fixture.ConnectAccountAsync(7005);
        using var api = new ApiClient(fixture);

        var id = await api.SendAcceptedAsync(new { accountId, card = new { title = "Only a title" } });

        await api.WaitForStatusAsync(id, "sent");
        fixture.Kakao.AssertSingleMemo(7005, new JsonObject
        {
            ["object_type"] = "feed",
            ["content"] = new JsonObject { ["title"] = "Only a title", ["link"] = KakaoMemos.Link(DefaultUrl) },
        });
    }
}
