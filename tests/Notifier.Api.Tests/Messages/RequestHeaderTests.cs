using System.Net;
using System.Net.Http.Json;
using System.Text;
using Notifier.Api.Tests.Support;

namespace Notifier.Api.Tests.Messages;

public sealed class RequestHeaderFixture : OneAccountFixture;

/// <summary>Content type, API key and Idempotency-Key: a request refused for its headers stores nothing.</summary>
public sealed class RequestHeaderTests(RequestHeaderFixture fixture) : IClassFixture<RequestHeaderFixture>
{
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

    private Task AssertRefusedAsync(Func<ApiClient, Task<ApiAnswer>> send, HttpStatusCode status, string named) =>
        Refusals.AssertRefusedAsync(fixture, send, status, named);
}
