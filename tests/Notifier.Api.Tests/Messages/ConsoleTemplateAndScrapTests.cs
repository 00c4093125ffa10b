using System.Text.Json.Nodes;
using Notifier.Api.Tests.Support;
using Notifier.Testing.Kakao;

namespace Notifier.Api.Tests.Messages;

public sealed class ConsoleTemplateAndScrapFixture : MessagingFixture
{
    protected override bool Dispatch => true;
}

/// <summary>
/// A console template (<c>templateId</c>, <c>templateArgs</c>) goes through Kakao's <c>/v2/api/talk/memo/send</c>, a
/// scrap (<c>scrapUrl</c>) through <c>/v2/api/talk/memo/scrap/send</c>, each exactly once with Kakao's form fields.
/// </summary>
public sealed class ConsoleTemplateAndScrapTests(ConsoleTemplateAndScrapFixture fixture) : IClassFixture<ConsoleTemplateAndScrapFixture>
{
    [Fact]
    public async Task PostTemplateId_SendsOneMemoThroughMemoSend_WithTemplateArgsAsAJsonString()
    {
        var accountId = await fixture.ConnectAccountAsync(7201);
        using var api = new ApiClient(fixture);

        var id = await api.SendAcceptedAsync(new JsonObject
        {
            ["accountId"] = accountId,
            ["templateId"] = 12345,
            ["templateArgs"] = new JsonObject { ["name"] = "민수", ["count"] = "3" },
        });

        await api.WaitForStatusAsync(id, "sent");
        var memo = Assert.Single(fixture.Kakao.CustomMemos, m => m.UserId == 7201);
        Assert.Equal(KakaoFake.CustomSendPath, memo.Endpoint);
        Assert.Equal(["template_args", "template_id"], memo.Fields);
        Assert.Equal(12345, memo.TemplateId);
        KakaoMemos.AssertJsonEqual(new JsonObject { ["name"] = "민수", ["count"] = "3" }, JsonNode.Parse(memo.TemplateArgs!));
        Assert.Equal(0, fixture.Kakao.MemoCount(7201));
    }

    [Fact]
    public async Task PostTemplateIdWithoutArgs_SendsOnlyTheTemplateId()
    {
        var accountId = await fixture.ConnectAccountAsync(7202);
        using var api = new ApiClient(fixture);

        var id = await api.SendAcceptedAsync(new JsonObject { ["accountId"] = accountId, ["templateId"] = 777 });

        await api.WaitForStatusAsync(id, "sent");
        var memo = Assert.Single(fixture.Kakao.CustomMemos, m => m.UserId == 7202);
        Assert.Equal(KakaoFake.CustomSendPath, memo.Endpoint);
        Assert.Equal(["template_id"], memo.Fields);
        Assert.Equal(777, memo.TemplateId);
    }

    [Fact]
    public async Task PostScrapUrl_SendsOneMemoThroughScrapSend_WithTheRequestUrlOnly()
    {
        var accountId = await fixture.ConnectAccountAsync(7203);
        using var api = new ApiClient(fixture);

        var id = await api.SendAcceptedAsync(new JsonObject { ["accountId"] = accountId, ["scrapUrl"] = "https://example.com/post/1" });

        await api.WaitForStatusAsync(id, "sent");
        var memo = Assert.Single(fixture.Kakao.CustomMemos, m => m.UserId == 7203);
        Assert.Equal(KakaoFake.ScrapSendPath, memo.Endpoint);
        Assert.Equal(["request_url"], memo.Fields);
        Assert.Equal("https://example.com/post/1", memo.RequestUrl);
        Assert.Equal(0, fixture.Kakao.MemoCount(7203));
    }

    [Fact]
    public async Task PostScrapUrlWithTemplate_SendsRequestUrlTemplateIdAndArgs_ThroughScrapSend()
    {
        var accountId = await fixture.ConnectAccountAsync(7204);
        using var api = new ApiClient(fixture);

        var id = await api.SendAcceptedAsync(new JsonObject
        {
            ["accountId"] = accountId,
            ["scrapUrl"] = "https://blog.example.com/p?id=1&lang=ko",
            ["templateId"] = 4242,
            ["templateArgs"] = new JsonObject { ["title"] = "A & B = C" },
        });

        await api.WaitForStatusAsync(id, "sent");
        var memo = Assert.Single(fixture.Kakao.CustomMemos, m => m.UserId == 7204);
        Assert.Equal(KakaoFake.ScrapSendPath, memo.Endpoint);
        Assert.Equal(["request_url", "template_args", "template_id"], memo.Fields);
        Assert.Equal("https://blog.example.com/p?id=1&lang=ko", memo.RequestUrl);
        Assert.Equal(4242, memo.TemplateId);
        KakaoMemos.AssertJsonEqual(new JsonObject { ["title"] = "A & B = C" }, JsonNode.Parse(memo.TemplateArgs!));
    }

    [Fact]
    public async Task PostText_StillSendsThroughTheDefaultSend_AndNothingElse()
    {
        var accountId = await fixture.ConnectAccountAsync(7205);
        using var api = new ApiClient(fixture);

        var id = await api.SendAcceptedAsync(new JsonObject { ["accountId"] = accountId, ["text"] = "plain", ["link"] = "https://example.com/x" });

        await api.WaitForStatusAsync(id, "sent");
        fixture.Kakao.AssertSingleMemo(7205, new JsonObject { ["object_type"] = "text", ["text"] = "plain", ["link"] = KakaoMemos.Link("https://example.com/x") });
        Assert.DoesNotContain(fixture.Kakao.CustomMemos, m => m.UserId == 7205);
    }
}
