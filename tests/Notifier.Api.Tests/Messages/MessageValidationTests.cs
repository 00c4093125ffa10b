using Notifier.Api.Tests.Support;

namespace Notifier.Api.Tests.Messages;

public sealed class MessageValidationFixture : OneAccountFixture;

/// <summary>Every limit Kakao documents is checked before anything is stored, and named by its field.</summary>
public sealed class MessageValidationTests(MessageValidationFixture fixture) : IClassFixture<MessageValidationFixture>
{
    private static readonly string ThreeButtons = string.Join(',', Enumerable.Range(1, 3).Select(i => $$"""{"title":"B{{i}}","link":"https://example.com/{{i}}"}"""));

    public static TheoryData<string, string, string> InvalidMessages => new()
    {
        // body, the field the error is filed under, a fragment of its message
        { $$"""{"text":"{{new string('가', 201)}}"}""", "text", "200" },
        { """{"text":""}""", "text", "empty" },
        { """{"text":"   "}""", "text", "empty" },
        { """{}""", "message", "exactly one" },
        { """{"accountId":null}""", "message", "exactly one" },
        { """{"text":"hi","card":{"title":"t"}}""", "message", "exactly one" },
        { """{"card":{"title":"t"},"template":{"object_type":"text","text":"t","link":{"web_url":"https://example.com"}}}""", "message", "exactly one" },
        { $$$"""{"card":{"title":"t","buttons":[{{{ThreeButtons}}}]}}""", "card.buttons", "2" },
        { """{"text":"hi","link":"https://evil.test/phish"}""", "link", "example.com" },
        { """{"text":"hi","link":"https://example.com.evil.test/"}""", "link", "example.com" },
        { """{"text":"hi","link":"https://notexample.com/"}""", "link", "example.com" },
        { """{"text":"hi","link":"javascript:alert(1)"}""", "link", "http" },
        { """{"text":"hi","link":"ftp://example.com/file"}""", "link", "http" },
        { """{"text":"hi","link":"/relative/path"}""", "link", "http" },
        { """{"card":{"title":"t","buttons":[{"title":"ok","link":"https://example.com"},{"title":"bad","link":"https://evil.test"}]}}""", "card.buttons[1].link", "example.com" },
        { """{"card":{"title":"t","buttons":[{"link":"https://example.com"}]}}""", "card.buttons[0].title", "required" },
        { """{"card":{"title":"t","link":"mailto:a@example.com"}}""", "card.link", "http" },
        { """{"card":{"description":"no title"}}""", "card.title", "required" },
        { """{"card":{"title":"TOO_LONG"}}""".Replace("TOO_LONG", new string('t', 201), StringComparison.Ordinal), "card.title", "200" },
        { """{"card":{"title":"t","description":"TOO_LONG"}}""".Replace("TOO_LONG", new string('d', 1001), StringComparison.Ordinal), "card.description", "1000" },
        { """{"card":{"title":"t"},"link":"https://example.com/ignored"}""", "link", "card.link" },
        { """{"template":{"object_type":"text","text":"t","link":{"web_url":"https://example.com"}},"link":"https://example.com"}""", "link", "text" },
        { """{"template":{"object_type":"feed","content":{"title":"t","description":"TOO_LONG","link":{"web_url":"https://example.com"}}}}""".Replace("TOO_LONG", new string('d', 10_000), StringComparison.Ordinal), "message", "10000" },
        { """{"card":{"title":"t","imageUrl":"not a url"}}""", "card.imageUrl", "URL" },
        { """{"card":{"title":"t","imageUrl":"https://cdn.example.com/a.png","imageWidth":0}}""", "card.imageWidth", "between" },
        { """{"card":{"title":"t","imageHeight":100}}""", "card.imageUrl", "required" },
        { """{"template":{"object_type":"carousel","content":{"link":{"web_url":"https://example.com"}}}}""", "template.object_type", "feed" },
        { """{"template":{"content":{"link":{"web_url":"https://example.com"}}}}""", "template.object_type", "feed" },
        { """{"template":{"OBJECT_TYPE":"feed","content":{"link":{"web_url":"https://example.com"}}}}""", "template.object_type", "feed" },
        { """{"template":{"object_type":"list","header_title":"h","header_link":{"web_url":"https://example.com"},"contents":[{"title":"one","link":{"web_url":"https://example.com"}}]}}""", "template.contents", "2 to 3" },
        { """{"template":{"object_type":"list","header_link":{"web_url":"https://example.com"},"contents":[{"title":"a"},{"title":"b"}]}}""", "template.header_title", "required" },
        { """{"template":{"object_type":"feed","content":{"title":"no link"}}}""", "template.content.link", "required" },
        { """{"template":{"object_type":"feed","content":{"link":{"web_url":"https://example.com"}},"buttons":[{"title":"x","link":{"web_url":"https://evil.test"}}]}}""", "template.buttons[0].link.web_url", "example.com" },
        { """{"template":{"object_type":"text","text":"TOO_LONG","link":{"web_url":"https://example.com"}}}""".Replace("TOO_LONG", new string('a', 201), StringComparison.Ordinal), "template.text", "200" },
        { """{"template":{"object_type":"text","text":"t","link":{"web_url":"https://example.com"},"buttons":[{},{},{}]}}""", "template.buttons", "2" },
        { """{"template":{"object_type":"location","content":{"link":{"web_url":"https://example.com"}}}}""", "template.address", "required" },
        { """{"template":{"object_type":"commerce","content":{"link":{"web_url":"https://example.com"}},"commerce":{"product_name":"p"}}}""", "template.commerce.regular_price", "required" },
        { """{"template":{"object_type":"calendar","content":{"link":{"web_url":"https://example.com"}}}}""", "template.id", "required" },
        { """{"template":{"object_type":"feed","content":[{"link":{"web_url":"https://example.com"}}]}}""", "template.content.link", "required" },
        { """{"template":{"object_type":"commerce","content":{"link":{"web_url":"https://example.com"}},"commerce":"cheap"}}""", "template.commerce.regular_price", "required" },
        { """{"template":{"object_type":"text","text":"t","link":"https://example.com"}}""", "template.link", "required" },
        { """{"template":{"object_type":"feed","content":{"link":{"web_url":"https://example.com"}},"buttons":{"title":"x"}}}""", "template.buttons", "array" },
        { """{"template":{"object_type":"location","address":7,"content":{"link":{"web_url":"https://example.com"}}}}""", "template.address", "string" },
    };

    [Theory]
    [MemberData(nameof(InvalidMessages))]
    public async Task PostMessage_Invalid_Is400NamingTheField_AndStoresNothing(string body, string field, string fragment)
    {
        using var api = new ApiClient(fixture);
        var before = await fixture.DeliveryCountAsync();

        var answer = await api.PostMessageBytesAsync(System.Text.Encoding.UTF8.GetBytes(body));

        var messages = answer.AssertFieldError(field);
        Assert.Contains(messages, m => m.Contains(fragment, StringComparison.Ordinal));
        Assert.Equal(before, await fixture.DeliveryCountAsync());
    }

    [Fact]
    public async Task PostMessage_AtEveryLimit_IsAccepted()
    {
        using var api = new ApiClient(fixture);
        var before = await fixture.DeliveryCountAsync(fixture.AccountId);

        var id = await api.SendAcceptedAsync(new { text = new string('가', 200), link = "https://example.com/x" });
        await api.SendAcceptedAsync(new { card = new { title = "t", buttons = new[] { new { title = "a", link = "https://example.com/a" }, new { title = "b", link = "http://example.com/b" } } } });

        Assert.Equal(before + 2, await fixture.DeliveryCountAsync(fixture.AccountId));
        var stored = await api.GetMessageAsync(id);
        Assert.Equal(fixture.AccountId, stored.GetProperty("accountId").GetInt64());
        Assert.Equal("queued", stored.Status());
    }
}
