using System.Net;
using Notifier.Api.Tests.Support;

namespace Notifier.Api.Tests.Proxy;

/// <summary>With an https <c>Notifier:PublicUrl</c>, every cookie is Secure, HttpOnly, Path=/ and <c>__Host-</c> named.</summary>
public sealed class SecureCookieTests(HttpsPublicUrlFixture fixture) : IClassFixture<HttpsPublicUrlFixture>
{
    [Fact]
    public async Task SignInStateOwnerAndAntiforgeryCookies_AreHostPrefixedAndSecure_AndTheSignInStillWorks()
    {
        using var browser = fixture.Factory.CreateBrowser();
        var cookies = new List<string>();

        using (var login = await browser.GetAsync(new Uri("/auth/kakao/login", UriKind.Relative)))
        {
            cookies.AddRange(login.Headers.GetValues("Set-Cookie"));
            using var callback = await KakaoBrowserFlow.ReturnAsync(browser, fixture.Kakao.Authorize(login.Headers.Location!, 8101, "Behind TLS"));
            Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
            cookies.AddRange(callback.Headers.GetValues("Set-Cookie"));
        }

        using var form = await browser.GetAsync(new Uri("/send", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        cookies.AddRange(form.Headers.GetValues("Set-Cookie"));

        Assert.Contains(cookies, c => c.StartsWith("__Host-notifier_kakao_auth=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("__Host-notifier_owner=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("__Host-.AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.All(cookies, c =>
        {
            Assert.StartsWith("__Host-", c, StringComparison.Ordinal);
            Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("; path=/;", c + ";", StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("domain=", c, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("; httponly", c, StringComparison.OrdinalIgnoreCase);
        });
        Assert.Contains("Behind TLS", await browser.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);
    }
}
