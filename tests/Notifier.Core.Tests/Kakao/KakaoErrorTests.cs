using Microsoft.Extensions.DependencyInjection;
using Notifier.Core.Kakao;
using Notifier.Testing.Hosting;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Notifier.Core.Tests.Kakao;

/// <summary>Kakao's errors become typed exceptions by code; no message ever repeats what Kakao's description said.</summary>
public sealed class KakaoErrorTests : IDisposable
{
    private readonly WireMockServer _server = WireMockServer.Start(FreePort.Next());

    [Theory]
    [InlineData(400, "invalid_grant", "KOE320", false)]
    [InlineData(400, "invalid_grant", "KOE322", true)]
    [InlineData(401, "invalid_client", "KOE010", false)]
    [InlineData(400, "invalid_request", "KOE237", false)]
    public async Task TokenErrors_BecomeKakaoAuthException_ByErrorCode(int status, string error, string errorCode, bool refreshTokenDead)
    {
        StubToken(status, $$"""{"error":"{{error}}","error_description":"authorization code not found for code=SECRET-CODE","error_code":"{{errorCode}}"}""");
        using var services = KakaoClientHost.Create(_server.Url!);

        var ex = await Assert.ThrowsAsync<KakaoAuthException>(() =>
            services.GetRequiredService<KakaoAuthClient>().RefreshAsync("SECRET-REFRESH", CancellationToken.None));

        Assert.Equal(errorCode, ex.ErrorCode);
        Assert.Equal(error, ex.Error);
        Assert.Equal(status, ex.HttpStatus);
        Assert.Equal(refreshTokenDead, ex.IsRefreshTokenDead);
        Assert.Equal(errorCode == "KOE010", ex.IsConfigurationError);
        Assert.DoesNotContain("SECRET", ex.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(500, "<html>oops</html>")]
    [InlineData(503, "")]
    [InlineData(200, "not json")]
    public async Task TokenServerErrorsAndGarbage_BecomeKakaoUnavailable(int status, string body)
    {
        StubToken(status, body);
        using var services = KakaoClientHost.Create(_server.Url!);

        var ex = await Assert.ThrowsAsync<KakaoUnavailableException>(() =>
            services.GetRequiredService<KakaoAuthClient>().RefreshAsync("SECRET-REFRESH", CancellationToken.None));

        Assert.DoesNotContain("SECRET", ex.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(401, -401)]
    [InlineData(403, -402)]
    [InlineData(400, -10)]
    [InlineData(400, -603)]
    [InlineData(400, -1)]
    [InlineData(503, -9798)]
    public async Task ApiErrors_BecomeKakaoApiException_ByCode(int status, int code)
    {
        _server.Given(Request.Create().WithPath("/v2/api/talk/memo/default/send").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json")
                .WithBody($$"""{"msg":"whatever the text says","code":{{code}}}"""));
        using var services = KakaoClientHost.Create(_server.Url!);

        var ex = await Assert.ThrowsAsync<KakaoApiException>(() =>
            services.GetRequiredService<KakaoApiClient>().SendMemoAsync("SECRET-ACCESS", "{}", CancellationToken.None));

        Assert.Equal((code, status), (ex.Code, ex.HttpStatus));
        Assert.DoesNotContain("SECRET", ex.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(200, "not json", true)]
    [InlineData(200, "", true)]
    [InlineData(201, """{"result_code":-1}""", true)]
    [InlineData(200, """{"result_code":0}""", false)]
    public async Task MemoSend_Any2xx_IsTaken_WithANoteWhenTheBodyIsNotKakaosSuccess(int status, string body, bool noted)
    {
        StubMemo(status, body);
        using var services = KakaoClientHost.Create(_server.Url!);

        var receipt = await services.GetRequiredService<KakaoApiClient>().SendMemoAsync("SECRET-ACCESS", "{}", CancellationToken.None);

        Assert.Equal(noted, receipt.Note is not null);
    }

    [Theory]
    [InlineData(502, "<html>Bad Gateway</html>", true)]
    [InlineData(504, "", true)]
    [InlineData(500, "{}", true)]
    [InlineData(404, "<html>Not Found</html>", false)]
    public async Task MemoSend_WithoutKakaosErrorBody_IsUnavailable_UnknownWhenA5xx(int status, string body, bool outcomeUnknown)
    {
        StubMemo(status, body);
        using var services = KakaoClientHost.Create(_server.Url!);

        var ex = await Assert.ThrowsAsync<KakaoUnavailableException>(() =>
            services.GetRequiredService<KakaoApiClient>().SendMemoAsync("SECRET-ACCESS", "{}", CancellationToken.None));

        Assert.Equal(outcomeUnknown, ex.OutcomeUnknown);
        Assert.DoesNotContain("SECRET", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClosedPort_IsUnavailable_WithTheOutcomeKnownNotToHaveArrived()
    {
        using var services = KakaoClientHost.Create("http://127.0.0.1:9");

        var ex = await Assert.ThrowsAsync<KakaoUnavailableException>(() =>
            services.GetRequiredService<KakaoApiClient>().SendMemoAsync("SECRET-ACCESS", "{}", CancellationToken.None));

        Assert.False(ex.OutcomeUnknown);
    }

    [Fact]
    public async Task Timeout_IsUnavailable_WithAnUnknownOutcome()
    {
        _server.Given(Request.Create().WithPath("/v2/api/talk/memo/default/send").UsingPost())
            .RespondWith(Response.Create().WithDelay(TimeSpan.FromSeconds(3)).WithBody("""{"result_code":0}"""));
        using var services = KakaoClientHost.Create(_server.Url!, timeoutSeconds: 1);

        var ex = await Assert.ThrowsAsync<KakaoUnavailableException>(() =>
            services.GetRequiredService<KakaoApiClient>().SendMemoAsync("SECRET-ACCESS", "{}", CancellationToken.None));

        Assert.True(ex.OutcomeUnknown);
    }

    private void StubMemo(int status, string body) =>
        _server.Given(Request.Create().WithPath("/v2/api/talk/memo/default/send").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "text/html").WithBody(body));

    private void StubToken(int status, string body) =>
        _server.Given(Request.Create().WithPath("/oauth/token").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body));

    public void Dispose() => _server.Stop();
}
