using System.Net;
using System.Text;
using Notifier.Api.Tests.Support;

namespace Notifier.Api.Tests.Messages;

public sealed class RequestBodyFixture : OneAccountFixture;

/// <summary>The body is read strictly: every malformed body is a 4xx problem (never a 500), and nothing is stored.</summary>
public sealed class RequestBodyTests(RequestBodyFixture fixture) : IClassFixture<RequestBodyFixture>
{
    public static TheoryData<string, string> UnreadableBodies => new()
    {
        // body, what the problem's detail must name
        { """{"text":"hi","colour":"red"}""", "colour" },
        { """{"card":{"title":"t","subtitle":"s"}}""", "card.subtitle" },
        { """{"card":{"title":"t","buttons":[{"title":"b","link":"https://example.com","style":"x"}]}}""", "buttons[0].style" },
        { """{"Text":"hi"}""", "Text" },
        { """{"text":"hi","text":"again"}""", "'text' twice" },
        { """{"template":{"object_type":"text","text":"t","text":"u","link":{"web_url":"https://example.com"}}}""", "'text' twice" },
        { """{"text":5}""", "text" },
        { """{"accountId":"one","text":"hi"}""", "accountId" },
        { """{"accountId":1.5,"text":"hi"}""", "accountId" },
        { """{"card":"a card"}""", "card" },
        { """{"card":{"title":"t","imageWidth":"wide"}}""", "card.imageWidth" },
        { """{"template":"feed"}""", "template" },
        { """{"text":"hi",}""", "not valid JSON" },
        { """{"text":"hi" """, "not valid JSON" },
        { """{"text":"hi"} {"text":"again"}""", "not valid JSON" },
        { "// comment\n{\"text\":\"hi\"}", "not valid JSON" },
        { "not json", "not valid JSON" },
        { $"{{\"template\":{{\"object_type\":\"text\",\"deep\":{new string('[', 40)}{new string(']', 40)}}}}}", "not valid JSON" },
        { "", "not valid JSON" },
        { "null", "JSON object" },
        { "[]", "the body" },
    };

    [Theory]
    [MemberData(nameof(UnreadableBodies))]
    public async Task PostMessage_WithAnUnreadableBody_Is400NamingTheProblem_AndStoresNothing(string body, string named)
    {
        await AssertRefusedAsync(api => api.PostMessageBytesAsync(Encoding.UTF8.GetBytes(body)), HttpStatusCode.BadRequest, named);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE })]
    [InlineData(new byte[] { 0xC3, 0x28 })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })] // an encoded surrogate
    public async Task PostMessage_WithInvalidUtf8_Is400(byte[] invalid)
    {
        byte[] body = [.. "{\"text\":\"a"u8, .. invalid, .. "b\"}"u8];

        await AssertRefusedAsync(api => api.PostMessageBytesAsync(body), HttpStatusCode.BadRequest, "UTF-8");
    }

    [Fact]
    public async Task PostMessage_OverSixtyFourKiB_Is413()
    {
        var body = Padded(64 * 1024 + 1);

        await AssertRefusedAsync(api => api.PostMessageBytesAsync(body), HttpStatusCode.RequestEntityTooLarge, "64 KiB");
    }

    [Fact]
    public async Task PostMessage_OverSixtyFourKiB_WithoutAContentLength_Is413()
    {
        var body = Padded(200 * 1024);

        await AssertRefusedAsync(api => api.PostMessageAsync(new UnsizedContent(body)), HttpStatusCode.RequestEntityTooLarge, "64 KiB");
    }

    [Fact]
    public async Task PostMessage_OfExactlySixtyFourKiB_IsReadAndValidated()
    {
        var body = Padded(64 * 1024);
        using var api = new ApiClient(fixture);

        var answer = await api.PostMessageBytesAsync(body);

        answer.AssertFieldError("text");
    }

    private Task AssertRefusedAsync(Func<ApiClient, Task<ApiAnswer>> send, HttpStatusCode status, string named) =>
        Refusals.AssertRefusedAsync(fixture, send, status, named);

    /// <summary>A JSON body of exactly <paramref name="size"/> bytes: a text far over Kakao's limit.</summary>
    private static byte[] Padded(int size)
    {
        var frame = """{"text":""}"""u8.ToArray();
        return [.. frame[..9], .. Enumerable.Repeat((byte)'a', size - frame.Length), .. frame[9..]];
    }
}
