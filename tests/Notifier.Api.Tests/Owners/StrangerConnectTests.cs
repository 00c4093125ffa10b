using System.Net;
using Notifier.Api.Tests.OwnerPages;
using Notifier.Api.Tests.Support;

namespace Notifier.Api.Tests.Owners;

public sealed class StrangerConnectTests(OwnersFixture fixture) : IClassFixture<OwnersFixture>
{
    [Fact]
    public async Task AStrangersConnect_EndsOnA403Page_StoresNothing_StartsNoSession_AndHandsTheirTokenBack()
    {
        var accounts = await fixture.AccountCountAsync();
        var unlinks = fixture.Kakao.UnlinkRequests;
        using var stranger = fixture.Factory.CreateBrowser();

        using var callback = await KakaoBrowserFlow.ConnectAsync(stranger, fixture.Kakao, 9100, "Passer-by");

        Assert.Equal(HttpStatusCode.Forbidden, callback.StatusCode);
        Assert.Contains("This Notifier belongs to someone else", await callback.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(callback.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.Contains("notifier_owner=", StringComparison.Ordinal) && !c.Contains("expires=Thu, 01 Jan 1970", StringComparison.Ordinal));
        Assert.Equal(accounts, await fixture.AccountCountAsync());
        Assert.Equal(0, await fixture.LongAsync("SELECT COUNT(*) FROM accounts WHERE KakaoUserId = 9100"));
        Assert.Equal(unlinks + 1, fixture.Kakao.UnlinkRequests);
        using var page = await stranger.GetAsync(new Uri("/schedules", UriKind.Relative));
        Assert.StartsWith("/?", OwnerBrowser.Target(page), StringComparison.Ordinal);
        var (_, home) = await new OwnerBrowser(stranger).GetAsync("/");
        Assert.DoesNotContain("First Owner", home, StringComparison.Ordinal);
        Assert.DoesNotContain("Passer-by", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheOwner_MayAlwaysConnectAgain()
    {
        using var owner = await OwnerBrowser.ConnectAsync(fixture, OwnersFixture.OwnerKakaoUserId, "First Owner");

        var (status, home) = await owner.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("First Owner", home, StringComparison.Ordinal);
        Assert.Equal(1, await fixture.LongAsync("SELECT COUNT(*) FROM accounts WHERE IsFirstOwner"));
    }
}
