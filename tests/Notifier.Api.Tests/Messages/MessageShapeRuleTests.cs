using System.Net;
using System.Text;
using Notifier.Api.Tests.Support;

namespace Notifier.Api.Tests.Messages;

public sealed class MessageShapeRuleFixture : OneAccountFixture;

/// <summary>
/// Exactly one of text, card, template, templateId, scrapUrl (a scrap may bring a console template); the console
/// template's id and arguments and the scrap's URL are checked before anything is stored.
/// </summary>
public sealed class MessageShapeRuleTests(MessageShapeRuleFixture fixture) : IClassFixture<MessageShapeRuleFixture>
{
    public static TheoryData<string, string, string[]> InvalidMessages => new()
    {
        // body, the field the error is filed under, fragments of its message
        { """{"text":"hi","templateId":1}""", "message", ["exactly one", "got 'text', 'templateId'"] },
        { """{"card":{"title":"t"},"scrapUrl":"https://example.com/a"}""", "message", ["got 'card', 'scrapUrl'"] },
        { """{"template":{"object_type":"text","text":"t","link":{"web_url":"https://example.com"}},"templateId":5}""", "message", ["got 'template', 'templateId'"] },
        { """{"text":"hi","scrapUrl":"https://example.com/a","templateId":5}""", "message", ["got 'text', 'scrapUrl'"] },
        { """{"templateArgs":{"a":"b"}}""", "message", ["got none"] },
        { """{"scrapUrl":"https://evil.test/post/1"}""", "scrapUrl", ["example.com"] },
        { """{"scrapUrl":"https://example.com.evil.test/"}""", "scrapUrl", ["example.com"] },
        { """{"scrapUrl":"ftp://example.com/file"}""", "scrapUrl", ["http"] },
        { """{"scrapUrl":"/post/1"}""", "scrapUrl", ["http"] },
        { """{"templateId":0}""", "templateId", ["positive"] },
        { """{"templateId":-12}""", "templateId", ["positive"] },
        { """{"scrapUrl":"https://example.com/a","templateId":-1}""", "templateId", ["positive"] },
        { """{"scrapUrl":"https://example.com/a","templateArgs":{"a":"b"}}""", "templateArgs", ["templateId"] },
        { """{"templateId":1,"templateArgs":{"name":""}}""", "templateArgs.name", ["1 to 1000"] },
        { """{"templateId":1,"templateArgs":{"":"v"}}""", "templateArgs", ["name"] },
        { """{"templateId":1,"link":"https://example.com"}""", "link", ["text"] },
    };

    [Theory]
    [MemberData(nameof(InvalidMessages))]
    public async Task PostMessage_BreakingAShapeRule_Is400NamingTheField_AndStoresNothing(string body, string field, string[] fragments)
    {
        using var api = new ApiClient(fixture);
        var before = await fixture.DeliveryCountAsync();

        var answer = await api.PostMessageBytesAsync(Encoding.UTF8.GetBytes(body));

        var messages = answer.AssertFieldError(field);
        Assert.All(fragments, f => Assert.Contains(messages, m => m.Contains(f, StringComparison.Ordinal)));
        Assert.Equal(before, await fixture.DeliveryCountAsync());
    }

    [Theory]
    [InlineData("""{"templateId":1,"templateArgs":{"n":3}}""")]
    [InlineData("""{"templateId":"12345"}""")]
    [InlineData("""{"templateId":1.5}""")]
    [InlineData("""{"templateId":1,"templateArgs":["a"]}""")]
    public async Task PostMessage_WithArgsNotStringsOrIdNotAnInteger_Is400_AndStoresNothing(string body)
    {
        using var api = new ApiClient(fixture);
        var before = await fixture.DeliveryCountAsync();

        var answer = await api.PostMessageBytesAsync(Encoding.UTF8.GetBytes(body));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(before, await fixture.DeliveryCountAsync());
    }

    [Fact]
    public async Task PostMessage_TooManyTemplateArgs_Is400()
    {
        using var api = new ApiClient(fixture);
        var args = string.Join(',', Enumerable.Range(0, 51).Select(i => $"\"k{i}\":\"v\""));

        var answer = await api.PostMessageBytesAsync(Encoding.UTF8.GetBytes("{\"templateId\":1,\"templateArgs\":{" + args + "}}"));

        Assert.Contains(answer.AssertFieldError("templateArgs"), m => m.Contains("at most 50", StringComparison.Ordinal));
    }
}
