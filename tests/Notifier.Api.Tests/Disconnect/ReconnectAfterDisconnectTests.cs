using Notifier.Api.Tests.OwnerPages;
using Notifier.Api.Tests.Support;

namespace Notifier.Api.Tests.Disconnect;

public sealed class ReconnectAfterDisconnectTests(ReconnectFixture fixture) : IClassFixture<ReconnectFixture>
{
    [Fact]
    public async Task ConnectingAgainAfterADisconnect_MakesAWorkingAccount_AndOldSessionsStayEnded()
    {
        using var before = await OwnerBrowser.ConnectAsync(fixture, 7401, "Comes back");
        var accountId = await fixture.LongAsync("SELECT Id FROM accounts WHERE KakaoUserId = 7401");
        using var api = new ApiClient(fixture);
        Assert.Equal("unlinked", (await api.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/accounts/{accountId}"))).Json.GetProperty("kakaoUnlink").GetString());

        using var again = await OwnerBrowser.ConnectAsync(fixture, 7401, "Comes back");

        var account = (await api.GetAsync($"/api/accounts/{accountId}")).Json;
        Assert.Equal("active", account.GetProperty("status").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, account.GetProperty("statusReason").ValueKind);
        var id = await api.SendAcceptedAsync(new { accountId, text = "welcome back" });
        await api.WaitForStatusAsync(id, "sent");
        Assert.Equal(1, fixture.Kakao.MemoCount(7401));

        // The browser signed in before the disconnect does not come back to life with the new link.
        using var old = await before.Client.GetAsync(new Uri("/schedules", UriKind.Relative));
        Assert.StartsWith("/?", OwnerBrowser.Target(old), StringComparison.Ordinal);
        var (status, _) = await again.GetAsync("/schedules");
        Assert.Equal(System.Net.HttpStatusCode.OK, status);
    }
}
