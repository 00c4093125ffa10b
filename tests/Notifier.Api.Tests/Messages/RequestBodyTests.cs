using System.Net;
using System.Net.Http.Json;
using System.Text;
using Notifier.Api.Tests.Support;

namespace Notifier.Api.Tests.Messages;

public sealed class RequestBodyFixture : OneAccountFixture;

/// <summary>The body is read strictly: every malformed request is a 4xx problem (never a 500), and nothing is stored.</summary>
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

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/xml")]
    [InlineData("application/jsonp")]
    [InlineData("application/json-seq")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData(null)]
    public async Task PostMessage_WithAnotherContentType_Is415(string? contentType)
    {
        var body = """{"text":"would be fine as JSON"}"""u8.ToArray();

        // Routing refuses most of these before the handler runs, with the framework's plain problem: its title names 415.
        await AssertRefusedAsync(api => api.PostMessageBytesAsync(body, contentType), HttpStatusCode.UnsupportedMediaType, "Media Type");
    }

    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("Application/JSON")]
    [InlineData("application/json;charset=\"UTF-8\"")]
    public async Task PostMessage_WithJsonInAnyCaseOrUtf8Charset_IsAccepted(string contentType)
    {
        using var api = new ApiClient(fixture);

        MessageRequests.AssertAccepted(await api.PostMessageBytesAsync("""{"text":"typed"}"""u8.ToArray(), contentType));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer not-the-key")]
    [InlineData("Basic dGVzdDp0ZXN0")]
    public async Task PostMessage_WithoutAValidApiKey_Is401_EvenForAnInvalidBody(string? authorization)
    {
        var before = await fixture.DeliveryCountAsync();
        using var api = new ApiClient(fixture, authorization);

        foreach (var body in new[] { """{"text":"valid"}""", """{"text":""}""" })
        {
            var answer = await api.PostMessageBytesAsync(Encoding.UTF8.GetBytes(body));
            answer.AssertProblemDetail(HttpStatusCode.Unauthorized, "Api:Keys");
        }

        Assert.Equal(before, await fixture.DeliveryCountAsync());
    }

    [Theory]
    [InlineData("a\tb")]
    [InlineData(null)]
    public async Task PostMessage_WithAnInvalidIdempotencyKey_Is400(string? key)
    {
        key ??= new string('k', 201);

        await AssertRefusedAsync(api => api.PostMessageAsync(new { text = "keyed" }, key), HttpStatusCode.BadRequest, "Idempotency-Key");
    }

    [Fact]
    public async Task PostMessage_WithTwoIdempotencyKeys_Is400()
    {
        await AssertRefusedAsync(api =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(new { text = "twice keyed" }) };
            request.Headers.TryAddWithoutValidation("Idempotency-Key", ["key-one", "key-two"]);
            return api.SendAsync(request);
        }, HttpStatusCode.BadRequest, "Idempotency-Key");
    }

    private async Task AssertRefusedAsync(Func<ApiClient, Task<ApiAnswer>> send, HttpStatusCode status, string named)
    {
        using var api = new ApiClient(fixture);
        var before = await fixture.DeliveryCountAsync();

        var answer = await send(api);

        var problem = answer.AssertProblem(status);
        var detail = problem.TryGetProperty("detail", out var d) ? d.GetString() : null;
        var said = $"{problem.GetProperty("title").GetString()} {detail}";
        Assert.Contains(named, said, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await fixture.DeliveryCountAsync());
    }

    /// <summary>A JSON body of exactly <paramref name="size"/> bytes: a text far over Kakao's limit.</summary>
    private static byte[] Padded(int size)
    {
        var frame = """{"text":""}"""u8.ToArray();
        return [.. frame[..9], .. Enumerable.Repeat((byte)'a', size - frame.Length), .. frame[9..]];
    }
}
