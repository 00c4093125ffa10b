using System.Net.Http.Headers;
using System.Net.Http.Json;
using Notifier.Testing.Kakao;

namespace Notifier.Api.Tests.Support;

/// <summary>
/// A client of the REST API (with the test API key unless told otherwise). Every answer it reads is checked for
/// every token the fake Kakao ever issued: no API response may carry one.
/// </summary>
public sealed class ApiClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly KakaoFake _kakao;

    public ApiClient(ApiFixture fixture, string? authorization = "Bearer " + NotifierApiFactory.ApiKey)
    {
        _kakao = fixture.Kakao;
        _http = fixture.Factory.CreateClient();
        if (authorization is not null)
        {
            _http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        }
    }

    /// <summary><c>POST /api/messages</c> with <paramref name="body"/> serialized as JSON (camelCase).</summary>
    public Task<ApiAnswer> PostMessageAsync(object body, string? idempotencyKey = null) =>
        PostMessageAsync(JsonContent.Create(body), idempotencyKey);

    /// <summary><c>POST /api/messages</c> with a body exactly as given.</summary>
    public Task<ApiAnswer> PostMessageAsync(HttpContent content, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        }

        return SendAsync(request);
    }

    /// <summary><c>POST /api/messages</c> with raw bytes and a content type.</summary>
    public Task<ApiAnswer> PostMessageBytesAsync(byte[] body, string? contentType = "application/json")
    {
        var content = new ByteArrayContent(body);
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return PostMessageAsync(content);
    }

    public Task<ApiAnswer> GetAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

    public Task<ApiAnswer> PostAsync(string path, HttpContent? content = null) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = content });

    public async Task<ApiAnswer> SendAsync(HttpRequestMessage request)
    {
        using (request)
        using (var response = await _http.SendAsync(request))
        {
            var body = await response.Content.ReadAsStringAsync();
            foreach (var secret in _kakao.IssuedSecrets)
            {
                Assert.DoesNotContain(secret, body, StringComparison.Ordinal);
            }

            return new ApiAnswer(response.StatusCode, response.Content.Headers.ContentType?.MediaType, body, response.Headers.Location)
            {
                RetryAfter = response.Headers.RetryAfter?.Delta,
            };
        }
    }

    public void Dispose() => _http.Dispose();
}
