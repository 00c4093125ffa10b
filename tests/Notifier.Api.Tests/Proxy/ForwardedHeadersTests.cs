using Microsoft.Net.Http.Headers;

namespace Notifier.Api.Tests.Proxy;

/// <summary>X-Forwarded-For/Proto/Host count only from loopback and the configured proxies.</summary>
public sealed class ForwardedHeadersTests(ForwardingFixture fixture) : IClassFixture<ForwardingFixture>
{
    [Theory]
    [InlineData("127.0.0.1")] // loopback, trusted by default
    [InlineData("::1")]
    [InlineData("10.1.2.3")] // in Proxy:KnownNetworks (the second of a comma-separated value)
    [InlineData("172.18.0.5")] // docker's default bridge range, in Proxy:KnownNetworks
    [InlineData(ForwardingFixture.KnownProxy)] // in Proxy:KnownProxies
    public async Task FromATrustedProxy_TheClientsSchemeHostAndAddressCount(string proxy)
    {
        var login = await ProxiedRequest.GetAsync(fixture.Factory, "/auth/kakao/login", proxy, headers: ProxiedRequest.FromHttpsProxy());

        Assert.Equal($"https://{ProxiedRequest.ForwardedHost}/auth/kakao/callback", ProxiedRequest.RedirectUri(login));
        Assert.Equal("198.51.100.7", login.Connection.RemoteIpAddress?.ToString());
        Assert.True(login.Request.IsHttps);
    }

    [Theory]
    [InlineData("203.0.113.7")]
    [InlineData("192.0.2.11")] // next to the known proxy, not it
    [InlineData("192.168.1.20")]
    public async Task FromAnyoneElse_ForwardedHeadersAreIgnored(string stranger)
    {
        var login = await ProxiedRequest.GetAsync(fixture.Factory, "/auth/kakao/login", stranger, headers: ProxiedRequest.FromHttpsProxy());

        Assert.Equal("http://localhost/auth/kakao/callback", ProxiedRequest.RedirectUri(login));
        Assert.Equal(stranger, login.Connection.RemoteIpAddress?.ToString());
        Assert.False(login.Response.Headers.ContainsKey(HeaderNames.StrictTransportSecurity));
    }

    [Fact]
    public async Task HttpsFromATrustedProxy_GetsHsts_AndSecureCookies_WithoutAPublicUrl()
    {
        var login = await ProxiedRequest.GetAsync(fixture.Factory, "/auth/kakao/login", "127.0.0.1", headers: ProxiedRequest.FromHttpsProxy());

        Assert.Equal("max-age=15552000", login.Response.Headers.StrictTransportSecurity.ToString());
        var cookie = Assert.Single(login.Response.Headers.SetCookie.ToArray());
        Assert.StartsWith("notifier_kakao_auth=", cookie, StringComparison.Ordinal); // no https PublicUrl: no __Host- name
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task PlainHttp_GetsNoHsts_AndCookiesThatAreNotSecure()
    {
        var login = await ProxiedRequest.GetAsync(fixture.Factory, "/auth/kakao/login", "127.0.0.1");

        Assert.False(login.Response.Headers.ContainsKey(HeaderNames.StrictTransportSecurity));
        var cookie = Assert.Single(login.Response.Headers.SetCookie.ToArray());
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }
}
