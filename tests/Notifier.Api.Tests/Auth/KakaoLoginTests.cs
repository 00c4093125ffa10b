using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Notifier.Api.Tests.Support;
using Notifier.Core.Kakao;
using Notifier.Testing.Kakao;

namespace Notifier.Api.Tests.Auth;

public sealed class KakaoLoginTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Login_RedirectsToKakaoAuthorize_WithClientRedirectScopeStateAndPkce()
    {
        using var browser = fixture.Factory.CreateBrowser();
        using var response = await browser.GetAsync(new Uri("/auth/kakao/login", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal($"{fixture.Kakao.Url}/oauth/authorize", location.GetLeftPart(UriPartial.Path));
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal(KakaoFake.RestApiKey, query["client_id"]);
        Assert.Equal("http://localhost/auth/kakao/callback", query["redirect_uri"]);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("talk_message,profile_nickname", query["scope"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.Equal(43, query["code_challenge"].ToString().Length);
        Assert.True(query["state"].ToString().Length >= 32);
    }

    [Fact]
    public async Task Login_BindsStateToTheBrowser_WithAnHttpOnlyLaxCookie()
    {
        using var browser = fixture.Factory.CreateBrowser();
        using var response = await browser.GetAsync(new Uri("/auth/kakao/login", UriKind.Relative));

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("notifier_kakao_auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/auth/kakao", cookie, StringComparison.OrdinalIgnoreCase);
        var state = QueryHelpers.ParseQuery(response.Headers.Location!.Query)["state"].ToString();
        Assert.DoesNotContain(state, cookie, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_TwoBrowsers_GetDifferentStateAndChallenge()
    {
        using var first = fixture.Factory.CreateBrowser();
        using var second = fixture.Factory.CreateBrowser();

        var a = QueryHelpers.ParseQuery((await KakaoBrowserFlow.StartAsync(first)).Query);
        var b = QueryHelpers.ParseQuery((await KakaoBrowserFlow.StartAsync(second)).Query);

        Assert.NotEqual(a["state"], b["state"]);
        Assert.NotEqual(a["code_challenge"], b["code_challenge"]);
    }

    [Fact]
    public void CodeChallenge_IsBase64UrlSha256OfTheVerifier_AsInRfc7636()
    {
        // Expected value computed independently: base64url(sha256(verifier)) without padding.
        Assert.Equal("1BHbiBLIK7sg25z8F1QPbBTFMRaIzuI2L6diK8Eg6n0", KakaoAuthClient.CodeChallenge("dBjftJeZ4CVP-mJ92K9f1wfFHjPUmT4NB5MGo5QHQ8Q"));
    }
}
