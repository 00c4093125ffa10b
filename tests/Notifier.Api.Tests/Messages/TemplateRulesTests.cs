using System.Text.Json.Nodes;
using Notifier.Api.Tests.Support;

namespace Notifier.Api.Tests.Messages;

public sealed class TemplateRulesFixture : OneAccountFixture;

/// <summary>
/// A template is taken only as Kakao takes it (kakao-api.md §4): buttons per type, list contents and header, calendar
/// id types, one kind of commerce discount, link objects with Kakao's fields and nothing else. A refusal names the field.
/// </summary>
public sealed class TemplateRulesTests(TemplateRulesFixture fixture) : IClassFixture<TemplateRulesFixture>
{
    private const string Link = """{"web_url":"https://example.com/a"}""";
    private const string Content = """{"title":"t","link":{"web_url":"https://example.com/c"}}""";
    private const string Button = """{"title":"Open","link":{"web_url":"https://example.com/b"}}""";

    public static TheoryData<string, string, string> BreaksAKakaoRule => new()
    {
        // template, the field the error is filed under, a fragment of its message
        { $$$"""{"object_type":"location","address":"Pangyo","content":{{{Content}}},"buttons":[{{{Button}}},{{{Button}}}]}""", "template.buttons", "1 button" },
        { $$$"""{"object_type":"calendar","id_type":"event","id":"e1","content":{{{Content}}},"buttons":[{{{Button}}},{{{Button}}}]}""", "template.buttons", "1 button" },
        { $$$"""{"object_type":"feed","content":{{{Content}}},"buttons":[{{{Button}}},{{{Button}}},{{{Button}}}]}""", "template.buttons", "2 buttons" },
        { $$$"""{"object_type":"feed","content":{{{Content}}},"buttons":[{"title":"No link"}]}""", "template.buttons[0].link", "required" },
        { $$$"""{"object_type":"feed","content":{{{Content}}},"buttons":[{"link":{{{Link}}}}]}""", "template.buttons[0].title", "required" },
        { $$$"""{"object_type":"list","header_title":"h","header_link":{{{Link}}},"contents":[{{{Content}}},{{{Content}}},{{{Content}}},{{{Content}}}]}""", "template.contents", "2 to 3" },
        { $$$"""{"object_type":"list","header_title":"h","header_link":{{{Link}}},"contents":[{{{Content}}},{"title":"no link"}]}""", "template.contents[1].link", "required" },
        { $$$"""{"object_type":"list","header_title":"{{{new string('h', 201)}}}","header_link":{{{Link}}},"contents":[{{{Content}}},{{{Content}}}]}""", "template.header_title", "200" },
        { $$$"""{"object_type":"calendar","id_type":"birthday","id":"e1","content":{{{Content}}}}""", "template.id_type", "event" },
        { $$$"""{"object_type":"calendar","id":"e1","content":{{{Content}}}}""", "template.id_type", "calendar" },
        { $$$"""{"object_type":"commerce","content":{{{Content}}},"commerce":{"regular_price":1000,"discount_rate":10,"fixed_discount_price":100}}""", "template.commerce.fixed_discount_price", "not both" },
        { """{"object_type":"text","text":"t","link":{}}""", "template.link", "at least one" },
        { """{"object_type":"text","text":"t","link":{"web_url":"https://example.com","url":"https://example.com"}}""", "template.link.url", "only" },
        { """{"object_type":"feed","content":{"title":"t","link":{"android_execution_params":7}}}""", "template.content.link.android_execution_params", "string" },
        { $$$"""{"object_type":"feed","content":{{{Content}}},"buttons":[{"title":"b","link":{"web_url":"https://example.com","target":"_blank"}}]}""", "template.buttons[0].link.target", "only" },
        { $$$"""{"object_type":"list","header_title":"h","header_link":{"web_url":null},"contents":[{{{Content}}},{{{Content}}}]}""", "template.header_link.web_url", "string" },
    };

    public static TheoryData<string> WithinKakaosRules => new()
    {
        $$$"""{"object_type":"location","address":"Pangyo","content":{{{Content}}},"buttons":[{{{Button}}}]}""",
        $$$"""{"object_type":"calendar","id_type":"calendar","id":"c1","content":{{{Content}}},"buttons":[{{{Button}}}]}""",
        $$$"""{"object_type":"list","header_title":"{{{new string('h', 200)}}}","header_link":{"ios_execution_params":"a=1"},"contents":[{{{Content}}},{"title":"app","link":{"android_execution_params":"k=v&x=y"}}]}""",
        $$$"""{"object_type":"commerce","content":{{{Content}}},"commerce":{"regular_price":1000,"fixed_discount_price":100}}""",
        $$$"""{"object_type":"feed","content":{{{Content}}},"buttons":[{{{Button}}},{"title":"App","link":{"android_execution_params":"a=1","ios_execution_params":"a=1"}}]}""",
    };

    [Theory]
    [MemberData(nameof(BreaksAKakaoRule))]
    public async Task PostTemplate_BreakingAKakaoRule_Is400NamingTheField_AndStoresNothing(string template, string field, string fragment)
    {
        using var api = new ApiClient(fixture);
        var before = await fixture.DeliveryCountAsync();

        var answer = await api.PostMessageAsync(new JsonObject { ["template"] = JsonNode.Parse(template) });

        var messages = answer.AssertFieldError(field);
        Assert.Contains(messages, m => m.Contains(fragment, StringComparison.Ordinal));
        Assert.Equal(before, await fixture.DeliveryCountAsync());
    }

    [Theory]
    [MemberData(nameof(WithinKakaosRules))]
    public async Task PostTemplate_AtKakaosLimits_IsAccepted(string template)
    {
        using var api = new ApiClient(fixture);

        await api.SendAcceptedAsync(new JsonObject { ["template"] = JsonNode.Parse(template) });
    }
}
