using System.Net;
using Notifier.Api.Tests.OwnerPages;
using Notifier.Api.Tests.Support;

namespace Notifier.Api.Tests.Disconnect;

/// <summary>The account page's "Disconnect": a confirmation step, a POST with antiforgery, then signed out.</summary>
public sealed class DisconnectPageTests(DisconnectFixture fixture) : IClassFixture<DisconnectFixture>
{
    [Fact]
    public async Task AccountPage_LeadsToAConfirmation_WhoseFormDisconnects_AndSignsOut()
    {
        using var owner = await OwnerBrowser.ConnectAsync(fixture, 7301, "Page leaver");
        var accountId = await fixture.LongAsync("SELECT Id FROM accounts WHERE KakaoUserId = 7301");
        var unlinks = fixture.Kakao.UnlinkRequests;

        var (_, home) = await owner.GetAsync("/");
        Assert.Contains("<form method=\"get\" action=\"/account/disconnect\">", home, StringComparison.Ordinal);
        var (status, confirm) = await owner.GetAsync("/account/disconnect");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Page leaver", confirm, StringComparison.Ordinal);
        Assert.Contains("action=\"/account/disconnect\"", confirm, StringComparison.Ordinal);
        Assert.Equal("active", await fixture.AccountStatusAsync(accountId)); // looking is not doing

        using var done = await owner.PostAsync("/account/disconnect", "/account/disconnect");

        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("Kakao unlinked Notifier", await done.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("unlinked", await fixture.AccountStatusAsync(accountId));
        Assert.Equal("", await fixture.StoredTokensAsync(accountId));
        Assert.Equal(unlinks + 1, fixture.Kakao.UnlinkRequests);
        using var after = await owner.Client.GetAsync(new Uri("/account/disconnect", UriKind.Relative));
        Assert.StartsWith("/?", OwnerBrowser.Target(after), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisconnectPost_WithoutTheAntiforgeryToken_Is400_AndChangesNothing()
    {
        using var owner = await OwnerBrowser.ConnectAsync(fixture, 7311, "Forged post");
        var accountId = await fixture.LongAsync("SELECT Id FROM accounts WHERE KakaoUserId = 7311");
        var unlinks = fixture.Kakao.UnlinkRequests;

        using var response = await owner.PostAsync("/account/disconnect", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("active", await fixture.AccountStatusAsync(accountId));
        Assert.Equal(unlinks, fixture.Kakao.UnlinkRequests);
    }

    [Fact]
    public async Task DisconnectPost_WhenKakaoDoesNotAnswer_DisconnectsHere_AndThePageSaysSo()
    {
        using var owner = await OwnerBrowser.ConnectAsync(fixture, 7321, "Offline page");
        var accountId = await fixture.LongAsync("SELECT Id FROM accounts WHERE KakaoUserId = 7321");
        var token = await owner.TokenFromAsync("/account/disconnect");
        fixture.Kakao.FailUnlink(503);
        HttpResponseMessage done;
        try
        {
            using var form = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
            done = await owner.Client.PostAsync(new Uri("/account/disconnect", UriKind.Relative), form);
        }
        finally
        {
            fixture.Kakao.FailUnlink(0);
        }

        using (done)
        {
            var html = await done.Content.ReadAsStringAsync();
            Assert.Contains("Kakao did not answer", html, StringComparison.Ordinal);
            Assert.Contains("connected services", html, StringComparison.Ordinal);
        }

        Assert.Equal("unlinked", await fixture.AccountStatusAsync(accountId));
        Assert.Equal("", await fixture.StoredTokensAsync(accountId));
    }
}
