using System.Net;
using System.Text.RegularExpressions;
using Notifier.Api.Tests.OwnerPages;
using Notifier.Api.Tests.Support;
using Notifier.Core.Owners;

namespace Notifier.Api.Tests.Owners;

public sealed partial class InvitePageTests(OwnersFixture fixture) : IClassFixture<OwnersFixture>
{
    [Fact]
    public async Task AnInvite_IsShownOnce_StoredAsAHash_AndConnectsOnePersonOnce()
    {
        using var owner = await OwnerBrowser.ConnectAsync(fixture, OwnersFixture.OwnerKakaoUserId, "First Owner");
        var (link, token) = await CreateAsync(owner);
        var id = await fixture.LongAsync("SELECT MAX(Id) FROM invites");

        Assert.StartsWith(MessagingFixture.PublicUrl + "/join/", link, StringComparison.Ordinal);
        Assert.Equal(43, token.Length);
        Assert.Equal(InviteTokens.Hash(token), await fixture.StringAsync("SELECT TokenHash FROM invites WHERE Id = @id", id));
        var (_, list) = await owner.GetAsync("/invites");
        Assert.Contains($"id=\"invite-{id}\"", list, StringComparison.Ordinal);
        Assert.DoesNotContain(token, list, StringComparison.Ordinal);

        var accounts = await fixture.AccountCountAsync();
        using var guest = new OwnerBrowser(fixture.Factory.CreateBrowser());
        using var followed = await guest.Client.GetAsync(new Uri($"/join/{token}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, followed.StatusCode);
        Assert.StartsWith(fixture.Kakao.Url, followed.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
        using var callback = await KakaoBrowserFlow.ReturnAsync(guest.Client, fixture.Kakao.Authorize(followed.Headers.Location!, 9201, "Invited Guest"));

        Assert.Equal("/?connected=1", OwnerBrowser.Target(callback));
        Assert.Equal(accounts + 1, await fixture.AccountCountAsync());
        var (_, guestHome) = await guest.GetAsync("/");
        Assert.Contains("Invited Guest", guestHome, StringComparison.Ordinal);
        Assert.DoesNotContain("First Owner", guestHome, StringComparison.Ordinal);
        Assert.Equal(9201, await fixture.LongAsync("SELECT UsedByKakaoUserId FROM invites WHERE Id = @id", ("@id", id)));
        Assert.DoesNotContain($"id=\"invite-{id}\"", (await owner.GetAsync("/invites")).Html, StringComparison.Ordinal);

        using var late = fixture.Factory.CreateBrowser();
        using var again = await late.GetAsync(new Uri($"/join/{token}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.Contains("This invite was already used", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokedExpiredAndUnknownLinks_AreReadablePages_AndStartNoConnect()
    {
        using var owner = await OwnerBrowser.ConnectAsync(fixture, OwnersFixture.OwnerKakaoUserId, "First Owner");
        var (_, revokedToken) = await CreateAsync(owner);
        var revokedId = await fixture.LongAsync("SELECT MAX(Id) FROM invites");
        var (_, expiredToken) = await CreateAsync(owner);
        var expiredId = await fixture.LongAsync("SELECT MAX(Id) FROM invites");

        using var revoked = await owner.PostAsync($"/invites/{revokedId}/revoke", "/invites");
        Assert.Equal("/invites?done=revoked", OwnerBrowser.Target(revoked));
        using var revokedTwice = await owner.PostAsync($"/invites/{revokedId}/revoke", "/invites");
        Assert.Equal(HttpStatusCode.NotFound, revokedTwice.StatusCode);
        await fixture.LongAsync("UPDATE invites SET ExpiresAt = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND WHERE Id = @id", ("@id", expiredId));

        foreach (var (token, status, words) in new[]
                 {
                     (revokedToken, HttpStatusCode.NotFound, "This invite link is not valid"),
                     (expiredToken, HttpStatusCode.Gone, "This invite has expired"),
                     (new string('A', 43), HttpStatusCode.NotFound, "This invite link is not valid"),
                     ("not-a-token", HttpStatusCode.NotFound, "This invite link is not valid"),
                 })
        {
            using var browser = fixture.Factory.CreateBrowser();
            using var response = await browser.GetAsync(new Uri($"/join/{token}", UriKind.Relative));
            Assert.Equal(status, response.StatusCode);
            Assert.Contains(words, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.StartsWith("text/html", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
            Assert.False(response.Headers.Contains("Set-Cookie"), "a dead link starts no sign-in");
        }
    }

    [Fact]
    public async Task TwoPeopleFollowingOneLink_OnlyOneGetsAnAccount_TheOtherATokenHandedBack()
    {
        using var owner = await OwnerBrowser.ConnectAsync(fixture, OwnersFixture.OwnerKakaoUserId, "First Owner");
        var (_, token) = await CreateAsync(owner);
        var accounts = await fixture.AccountCountAsync();
        var unlinks = fixture.Kakao.UnlinkRequests;
        using var first = fixture.Factory.CreateBrowser();
        using var second = fixture.Factory.CreateBrowser();
        using var firstStart = await first.GetAsync(new Uri($"/join/{token}", UriKind.Relative));
        using var secondStart = await second.GetAsync(new Uri($"/join/{token}", UriKind.Relative));

        var answers = await Task.WhenAll(
            KakaoBrowserFlow.ReturnAsync(first, fixture.Kakao.Authorize(firstStart.Headers.Location!, 9301, "Racer One")),
            KakaoBrowserFlow.ReturnAsync(second, fixture.Kakao.Authorize(secondStart.Headers.Location!, 9302, "Racer Two")));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Redirect);
        var loser = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Forbidden);
        Assert.Contains("This invite can no longer be used", await loser.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(accounts + 1, await fixture.AccountCountAsync());
        Assert.Equal(unlinks + 1, fixture.Kakao.UnlinkRequests);
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [Fact]
    public async Task AnotherOwnersInvite_CannotBeSeenOrRevoked()
    {
        using var owner = await OwnerBrowser.ConnectAsync(fixture, OwnersFixture.OwnerKakaoUserId, "First Owner");
        var (_, guestToken) = await CreateAsync(owner);
        using var guest = new OwnerBrowser(fixture.Factory.CreateBrowser());
        using var start = await guest.Client.GetAsync(new Uri($"/join/{guestToken}", UriKind.Relative));
        using var joined = await KakaoBrowserFlow.ReturnAsync(guest.Client, fixture.Kakao.Authorize(start.Headers.Location!, 9401, "Other Owner"));
        var (_, ownersToken) = await CreateAsync(owner);
        var id = await fixture.LongAsync("SELECT MAX(Id) FROM invites");

        using var revoke = await guest.PostAsync($"/invites/{id}/revoke", "/invites");

        Assert.Equal(HttpStatusCode.NotFound, revoke.StatusCode);
        Assert.DoesNotContain($"id=\"invite-{id}\"", (await guest.GetAsync("/invites")).Html, StringComparison.Ordinal);
        Assert.Equal(1, await fixture.LongAsync("SELECT COUNT(*) FROM invites WHERE Id = @id AND UsedAt IS NULL", ("@id", id)));
        Assert.NotEmpty(ownersToken);
    }

    /// <summary>Makes an invite on the owner page; returns the link shown once and its token.</summary>
    private static async Task<(string Link, string Token)> CreateAsync(OwnerBrowser owner)
    {
        using var created = await owner.PostAsync("/invites", "/invites");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var match = LinkShown().Match(await created.Content.ReadAsStringAsync());
        Assert.True(match.Success, "the new link is on the page");
        var link = WebUtility.HtmlDecode(match.Groups[1].Value);
        return (link, link[(link.LastIndexOf('/') + 1)..]);
    }

    [GeneratedRegex("<code id=\"invite-link\">([^<]+)</code>")]
    private static partial Regex LinkShown();
}
