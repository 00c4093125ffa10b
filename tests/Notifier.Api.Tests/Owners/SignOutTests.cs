using System.Net;
using Notifier.Api.Tests.OwnerPages;

namespace Notifier.Api.Tests.Owners;

public sealed class SignOutTests(OwnerPagesFixture fixture) : IClassFixture<OwnerPagesFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/schedules")]
    [InlineData("/deliveries")]
    [InlineData("/send")]
    [InlineData("/invites")]
    [InlineData("/account/disconnect")]
    public async Task EveryOwnerPage_HasASignOutForm_WithItsAntiforgeryToken(string page)
    {
        using var owner = await OwnerBrowser.ConnectAsync(fixture, 9501, "Page Owner");

        var (status, html) = await owner.GetAsync(page);

        Assert.Equal(HttpStatusCode.OK, status);
        var form = html[html.IndexOf("action=\"/account/sign-out\"", StringComparison.Ordinal)..];
        Assert.Matches("^action=\"/account/sign-out\"[^>]*>\\s*<input type=\"hidden\" name=\"__RequestVerificationToken\"", form);
    }

    [Fact]
    public async Task SignOut_EndsTheSession_AndTheHomePageSaysSo()
    {
        using var owner = await OwnerBrowser.ConnectAsync(fixture, 9502, "Leaving Owner");

        using var signedOut = await owner.PostAsync("/account/sign-out", "/schedules");

        Assert.Equal("/?signedOut=1", OwnerBrowser.Target(signedOut));
        Assert.Contains(signedOut.Headers.GetValues("Set-Cookie"), c => c.Contains("notifier_owner=;", StringComparison.Ordinal));
        using var after = await owner.Client.GetAsync(new Uri("/schedules", UriKind.Relative));
        Assert.StartsWith("/?", OwnerBrowser.Target(after), StringComparison.Ordinal);
        var (_, home) = await owner.GetAsync("/?signedOut=1");
        Assert.Contains("You are signed out.", home, StringComparison.Ordinal);
        Assert.DoesNotContain("Leaving Owner", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOut_WithoutAntiforgeryToken_Is400_AndTheSessionGoesOn()
    {
        using var owner = await OwnerBrowser.ConnectAsync(fixture, 9503, "Staying Owner");

        using var refused = await owner.PostAsync("/account/sign-out", null);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("This form was not accepted", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(refused.Headers.Contains("Set-Cookie") && refused.Headers.GetValues("Set-Cookie").Any(c => c.Contains("notifier_owner=;", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/schedules")).Status);
    }
}
