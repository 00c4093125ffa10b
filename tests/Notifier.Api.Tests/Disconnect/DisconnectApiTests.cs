using System.Net;
using Notifier.Api.Tests.OwnerPages;
using Notifier.Api.Tests.Support;
using Notifier.Testing.Database;

namespace Notifier.Api.Tests.Disconnect;

/// <summary><c>DELETE /api/accounts/{id}</c>: Kakao's unlink, then everything local, even when Kakao does not answer.</summary>
public sealed class DisconnectApiTests(DisconnectFixture fixture) : IClassFixture<DisconnectFixture>
{
    [Fact]
    public async Task Delete_UnlinksAtKakao_DeletesTokens_FailsQueued_DisablesSchedules_AndEndsSessions()
    {
        using var owner = await OwnerBrowser.ConnectAsync(fixture, 7201, "Leaving");
        var accountId = await fixture.LongAsync("SELECT Id FROM accounts WHERE KakaoUserId = 7201");
        var bystander = await fixture.ConnectAccountAsync(7202, "Staying");
        using var api = new ApiClient(fixture);
        var queued = await api.SendAcceptedAsync(new { accountId, text = "never sent" });
        var other = await api.SendAcceptedAsync(new { accountId = bystander, text = "not affected" });
        await fixture.CreateScheduleAsync(accountId);
        var unlinks = fixture.Kakao.UnlinkRequests;

        var answer = await api.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/accounts/{accountId}"));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("unlinked", answer.Json.GetProperty("kakaoUnlink").GetString());
        Assert.Equal("unlinked", answer.Json.GetProperty("status").GetString());
        Assert.Equal(1, answer.Json.GetProperty("failedMessages").GetInt32());
        Assert.Equal(1, answer.Json.GetProperty("disabledSchedules").GetInt32());
        Assert.Equal(unlinks + 1, fixture.Kakao.UnlinkRequests);
        Assert.Equal("", await fixture.StoredTokensAsync(accountId));
        Assert.Equal("unlinked", await fixture.AccountStatusAsync(accountId));
        var message = await api.GetMessageAsync(queued);
        Assert.Equal("failed", message.Status());
        Assert.Contains("disconnected", message.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await fixture.EnabledSchedulesAsync(accountId));
        Assert.Equal("queued", (await api.GetMessageAsync(other)).Status());
        Assert.Equal("active", await fixture.AccountStatusAsync(bystander));
        (await api.PostMessageAsync(new { accountId, text = "after" })).AssertProblem(HttpStatusCode.Conflict);
        Assert.Contains("Disconnected by its owner", (await api.GetAsync($"/api/accounts/{accountId}")).Json.GetProperty("statusReason").GetString(), StringComparison.Ordinal);

        // The owner's browser session ended with the link.
        using var page = await owner.Client.GetAsync(new Uri("/schedules", UriKind.Relative));
        Assert.StartsWith("/?", OwnerBrowser.Target(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_WithAStaleAccessToken_RefreshesFirst_ThenUnlinks()
    {
        var accountId = await fixture.ConnectAccountAsync(7211, "Stale");
        fixture.Kakao.ExpireAccessTokens(7211);
        await TestMariaDb.ScalarAsync(fixture.ConnectionString, "UPDATE accounts SET AccessTokenExpiresAt = UTC_TIMESTAMP() - INTERVAL 1 HOUR WHERE Id = @id", ("@id", accountId));
        var (refreshes, unlinks) = (fixture.Kakao.RefreshCount, fixture.Kakao.UnlinkRequests);
        using var api = new ApiClient(fixture);

        var answer = await api.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/accounts/{accountId}"));

        Assert.Equal("unlinked", answer.Json.GetProperty("kakaoUnlink").GetString());
        Assert.Equal((refreshes + 1, unlinks + 1), (fixture.Kakao.RefreshCount, fixture.Kakao.UnlinkRequests));
    }

    [Fact]
    public async Task Delete_WhenKakaoDoesNotAnswer_StillForgetsEverythingHere_AndSaysSo()
    {
        var accountId = await fixture.ConnectAccountAsync(7221, "Offline");
        using var api = new ApiClient(fixture);
        var queued = await api.SendAcceptedAsync(new { accountId, text = "never sent" });
        fixture.Kakao.FailUnlink(502);
        ApiAnswer answer;
        try
        {
            answer = await api.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/accounts/{accountId}"));
        }
        finally
        {
            fixture.Kakao.FailUnlink(0);
        }

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("unreachable", answer.Json.GetProperty("kakaoUnlink").GetString());
        Assert.Contains("could not be reached", answer.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("unlinked", await fixture.AccountStatusAsync(accountId));
        Assert.Equal("", await fixture.StoredTokensAsync(accountId));
        Assert.Equal("failed", (await api.GetMessageAsync(queued)).Status());
    }

    [Fact]
    public async Task Delete_OfAnUnknownAccount_Is404Problem()
    {
        using var api = new ApiClient(fixture);

        var answer = await api.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/accounts/987654"));

        answer.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Delete_WithoutTheApiKey_Is401_AndChangesNothing()
    {
        var accountId = await fixture.ConnectAccountAsync(7231, "Guarded");
        using var stranger = new ApiClient(fixture, authorization: null);
        var unlinks = fixture.Kakao.UnlinkRequests;

        var answer = await stranger.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/accounts/{accountId}"));

        answer.AssertProblem(HttpStatusCode.Unauthorized);
        Assert.Equal("active", await fixture.AccountStatusAsync(accountId));
        Assert.Equal(unlinks, fixture.Kakao.UnlinkRequests);
    }
}
