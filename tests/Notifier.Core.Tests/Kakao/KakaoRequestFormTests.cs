using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Notifier.Core.Kakao;
using Notifier.Testing.Hosting;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Notifier.Core.Tests.Kakao;

/// <summary>What goes over the wire to Kakao, field by field (kakao-api.md §2 and §3).</summary>
public sealed class KakaoRequestFormTests : IDisposable
{
    private const string TokenJson = """{"token_type":"bearer","access_token":"at","expires_in":21599,"refresh_token":"rt","refresh_token_expires_in":5183999,"scope":"talk_message profile_nickname"}""";
    private readonly WireMockServer _server = WireMockServer.Start(FreePort.Next());

    [Fact]
    public async Task ExchangeCode_PostsExactlyTheAuthorizationCodeForm()
    {
        _server.Given(Request.Create().WithPath("/oauth/token").UsingPost())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(TokenJson));
        using var services = KakaoClientHost.Create(_server.Url!);

        var tokens = await services.GetRequiredService<KakaoAuthClient>()
            .ExchangeCodeAsync("the-code", "http://localhost:5080/auth/kakao/callback", "the-verifier", CancellationToken.None);

        var request = Assert.Single(_server.LogEntries).RequestMessage!;
        Assert.Equal("application/x-www-form-urlencoded;charset=utf-8", request.Headers!["Content-Type"].Single().Replace(" ", "", StringComparison.Ordinal), ignoreCase: true);
        var form = QueryHelpers.ParseQuery(request.Body);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code",
                ["client_id"] = "the-rest-api-key",
                ["redirect_uri"] = "http://localhost:5080/auth/kakao/callback",
                ["code"] = "the-code",
                ["code_verifier"] = "the-verifier",
                ["client_secret"] = "the-secret",
            },
            form.ToDictionary(p => p.Key, p => p.Value.ToString()));
        Assert.Equal(("at", 21599L, "rt", 5183999L, "talk_message profile_nickname"),
            (tokens.AccessToken, tokens.ExpiresIn, tokens.RefreshToken, tokens.RefreshTokenExpiresIn!.Value, tokens.Scope));
    }

    [Fact]
    public async Task Refresh_WithoutAClientSecret_PostsOnlyTheRefreshFields_AndKeepsAMissingRefreshTokenNull()
    {
        _server.Given(Request.Create().WithPath("/oauth/token").UsingPost())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody("""{"token_type":"bearer","access_token":"at2","expires_in":21599}"""));
        using var services = KakaoClientHost.Create(_server.Url!, clientSecret: null);

        var tokens = await services.GetRequiredService<KakaoAuthClient>().RefreshAsync("the-refresh-token", CancellationToken.None);

        var form = QueryHelpers.ParseQuery(Assert.Single(_server.LogEntries).RequestMessage!.Body);
        Assert.Equal(
            new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["client_id"] = "the-rest-api-key", ["refresh_token"] = "the-refresh-token" },
            form.ToDictionary(p => p.Key, p => p.Value.ToString()));
        Assert.Equal("at2", tokens.AccessToken);
        Assert.Null(tokens.RefreshToken);
        Assert.Null(tokens.RefreshTokenExpiresIn);
    }

    [Fact]
    public async Task SendMemo_PostsTheTemplateAsAFormField_WithTheBearerToken()
    {
        _server.Given(Request.Create().WithPath("/v2/api/talk/memo/default/send").UsingPost())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody("""{"result_code":0}"""));
        using var services = KakaoClientHost.Create(_server.Url!);
        const string template = """{"object_type":"text","text":"배포 실패 & retry=1","link":{"web_url":"https://example.com/?a=1&b=2"}}""";

        await services.GetRequiredService<KakaoApiClient>().SendMemoAsync("the-access-token", template, CancellationToken.None);

        var request = Assert.Single(_server.LogEntries).RequestMessage!;
        Assert.Equal("Bearer the-access-token", request.Headers!["Authorization"].Single());
        var form = QueryHelpers.ParseQuery(request.Body);
        Assert.Equal(template, Assert.Single(form).Value.ToString());
    }

    [Fact]
    public async Task GetMe_ReadsIdAndNickname()
    {
        _server.Given(Request.Create().WithPath("/v2/user/me").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(HttpStatusCode.OK).WithHeader("Content-Type", "application/json")
                .WithBody("""{"id":9007199254740993,"connected_at":"2026-01-01T00:00:00Z","properties":{"nickname":"old"},"kakao_account":{"profile":{"nickname":"민지"}}}"""));
        using var services = KakaoClientHost.Create(_server.Url!);

        var me = await services.GetRequiredService<KakaoApiClient>().GetMeAsync("t", CancellationToken.None);

        Assert.Equal(9007199254740993L, me.Id);
        Assert.Equal("민지", me.Nickname);
    }

    public void Dispose() => _server.Stop();
}
