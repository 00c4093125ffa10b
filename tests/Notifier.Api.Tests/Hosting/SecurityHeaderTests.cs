using System.Net;
using Notifier.Api.Tests.Support;

namespace Notifier.Api.Tests.Hosting;

public sealed class SecurityHeaderTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/auth/kakao/callback?error=access_denied&state=unknown")]
    public async Task EveryHtmlPage_SendsAPolicyWithoutScript_AndCannotBeFramed(string path)
    {
        using var browser = fixture.Factory.CreateBrowser();

        using var response = await browser.GetAsync(new Uri(path, UriKind.Relative));

        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("form-action 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task ApiAnswers_AreNotSniffed_AndTheApiReference_KeepsItsScripts()
    {
        using var client = fixture.Factory.CreateClient();

        using var health = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        using var reference = await client.GetAsync(new Uri("/scalar/v1", UriKind.Relative));

        Assert.Equal("nosniff", Assert.Single(health.Headers.GetValues("X-Content-Type-Options")));
        Assert.False(health.Headers.Contains("Content-Security-Policy"));
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
        Assert.False(reference.Headers.Contains("Content-Security-Policy"), "the Scalar page runs its own scripts");
    }
}
