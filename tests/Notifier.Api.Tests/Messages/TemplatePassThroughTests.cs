using System.Text.Json.Nodes;
using Notifier.Api.Tests.Support;

namespace Notifier.Api.Tests.Messages;

public sealed class TemplatePassThroughFixture : MessagingFixture
{
    protected override bool Dispatch => true;
}

/// <summary>A Kakao template object given as is reaches Kakao exactly as given (kakao-api.md §4).</summary>
public sealed class TemplatePassThroughTests(TemplatePassThroughFixture fixture) : IClassFixture<TemplatePassThroughFixture>
{
    [Theory]
    [InlineData(7101, """
        {"object_type":"feed",
         "content":{"title":"Weekly report","description":"3 alerts","image_url":"https://cdn.example.com/r.png","image_width":800,"image_height":400,
                    "link":{"web_url":"https://reports.example.com/w/12","mobile_web_url":"https://m.example.com/w/12"}},
         "item_content":{"profile_text":"Notifier","items":[{"item":"Alerts","item_op":"3"}]},
         "social":{"like_count":10,"comment_count":2,"shared_count":1,"view_count":99,"subscriber_count":5},
         "buttons":[{"title":"Open","link":{"web_url":"https://reports.example.com/w/12"}}],
         "button_title":"Open"}
        """)]
    [InlineData(7102, """
        {"object_type":"list","header_title":"오늘의 할 일",
         "header_link":{"web_url":"https://todo.example.com","mobile_web_url":"https://todo.example.com"},
         "contents":[
           {"title":"Write tests","description":"API side","image_url":"https://cdn.example.com/1.png","link":{"web_url":"https://todo.example.com/1"}},
           {"title":"Fix bugs","link":{"mobile_web_url":"https://todo.example.com/2"}},
           {"title":"Ship","link":{"web_url":"https://todo.example.com/3"}}],
         "buttons":[{"title":"All","link":{"web_url":"https://todo.example.com"}},{"title":"Done","link":{"web_url":"https://todo.example.com/done"}}]}
        """)]
    [InlineData(7103, """
        {"object_type":"location","address":"경기 성남시 분당구 판교역로 235","address_title":"Kakao Pangyo",
         "content":{"title":"Meet here","description":"3 pm","link":{"web_url":"https://map.example.com/p/235"}},
         "social":{"like_count":1}}
        """)]
    [InlineData(7104, """
        {"object_type":"commerce",
         "content":{"title":"Keyboard","image_url":"https://shop.example.com/k.png","link":{"web_url":"https://shop.example.com/k"}},
         "commerce":{"product_name":"Keyboard","regular_price":120000,"discount_price":99000,"discount_rate":17,"currency_unit":"₩","currency_unit_position":1},
         "buttons":[{"title":"Buy","link":{"web_url":"https://shop.example.com/k/buy"}}]}
        """)]
    [InlineData(7105, """
        {"object_type":"text","text":"Plain text template",
         "link":{"web_url":"https://example.com/t","mobile_web_url":"https://example.com/t"},
         "button_title":"Open"}
        """)]
    [InlineData(7106, """
        {"object_type":"calendar","id_type":"event","id":"63a3b0b6b2c4",
         "content":{"title":"Release party","description":"Friday 6 pm","link":{"web_url":"https://events.example.com/party"}},
         "buttons":[{"title":"Details","link":{"web_url":"https://events.example.com/party"}}]}
        """)]
    public async Task PostTemplate_ReachesKakaoExactlyAsGiven(long kakaoUserId, string template)
    {
        var accountId = await fixture.ConnectAccountAsync(kakaoUserId);
        using var api = new ApiClient(fixture);
        var expected = JsonNode.Parse(template)!;

        var id = await api.SendAcceptedAsync(new JsonObject { ["accountId"] = accountId, ["template"] = expected.DeepClone() });

        await api.WaitForStatusAsync(id, "sent");
        fixture.Kakao.AssertSingleMemo(kakaoUserId, expected);
    }
}
