using System.Net;
using Notifier.Testing.Kakao;

namespace Notifier.Api.Tests.Support;

/// <summary>What a person's browser does: start at Notifier, visit Kakao's consent page, come back.</summary>
public static class KakaoBrowserFlow
{
    /// <summary>Starts a sign-in and returns Kakao's authorize URL Notifier redirected to.</summary>
    public static async Task<Uri> StartAsync(HttpClient browser)
    {
        using var login = await browser.GetAsync(new Uri("/auth/kakao/login", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return login.Headers.Location!;
    }

    /// <summary>Follows Kakao's redirect back to Notifier's callback.</summary>
    public static Task<HttpResponseMessage> ReturnAsync(HttpClient browser, Uri callback) =>
        browser.GetAsync(new Uri(callback.PathAndQuery, UriKind.Relative));

    /// <summary>The whole connect: start, consent at Kakao as this user, return.</summary>
    public static async Task<HttpResponseMessage> ConnectAsync(HttpClient browser, KakaoFake kakao, long kakaoUserId, string nickname)
    {
        var authorize = await StartAsync(browser);
        return await ReturnAsync(browser, kakao.Authorize(authorize, kakaoUserId, nickname));
    }
}
