using System.Net;
using System.Text.Json;
using Notifier.Api.Tests.Support;

namespace Notifier.Api.Tests.Accounts;

public sealed class AccountRefreshFixture : MessagingFixture;

/// <summary><c>POST /api/accounts/{id}/refresh</c>: a refresh now, and what each of Kakao's answers makes of the account.</summary>
public sealed class AccountRefreshTests(AccountRefreshFixture fixture) : IClassFixture<AccountRefreshFixture>
{
    [Fact]
    public async Task Refresh_ReturnsTheAccountWithALaterAccessTokenExpiry_FromANewKakaoToken()
    {
        var accountId = await fixture.ConnectAccountAsync(8601, "Refreshed");
        // As if the stored token were about to run out.
        await Testing.Database.TestMariaDb.ScalarAsync(fixture.ConnectionString,
            "UPDATE accounts SET AccessTokenExpiresAt = UTC_TIMESTAMP(6) + INTERVAL 10 MINUTE WHERE Id = @id", ("@id", accountId));
        using var api = new ApiClient(fixture);
        var before = (await api.GetAsync($"/api/accounts/{accountId}")).Json;
        var refreshes = fixture.Kakao.RefreshCount;

        var answer = await api.PostAsync($"/api/accounts/{accountId}/refresh");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var after = answer.Json;
        Assert.Equal(accountId, after.GetProperty("id").GetInt64());
        Assert.Equal("active", after.GetProperty("status").GetString());
        Assert.True(after.GetProperty("accessTokenExpiresAt").GetDateTime() > before.GetProperty("accessTokenExpiresAt").GetDateTime().AddHours(5),
            $"before {before}, after {after}");
        Assert.Equal(before.GetProperty("refreshTokenExpiresAt").GetDateTime(), after.GetProperty("refreshTokenExpiresAt").GetDateTime());
        Assert.Equal(refreshes + 1, fixture.Kakao.RefreshCount);
        Assert.Equal(2, fixture.Kakao.AccessTokensIssued(8601));
        Assert.Equal(after.GetProperty("accessTokenExpiresAt").GetDateTime(),
            (await api.GetAsync($"/api/accounts/{accountId}")).Json.GetProperty("accessTokenExpiresAt").GetDateTime());
    }

    [Fact]
    public async Task Refresh_WhenKakaoLimitsTokenIssuance_KOE237_Is429WithRetryAfter_AndTheAccountStaysActive()
    {
        var accountId = await fixture.ConnectAccountAsync(8605, "Busy");
        using var api = new ApiClient(fixture);
        var before = (await api.GetAsync($"/api/accounts/{accountId}")).Json;
        fixture.Kakao.ExhaustTokenIssuance(8605);
        var refreshes = fixture.Kakao.RefreshCount;

        var answer = await api.PostAsync($"/api/accounts/{accountId}/refresh");

        answer.AssertProblemDetail(HttpStatusCode.TooManyRequests, "KOE237");
        Assert.Equal(TimeSpan.FromMinutes(10), answer.RetryAfter);
        var after = (await api.GetAsync($"/api/accounts/{accountId}")).Json;
        Assert.Equal("active", after.GetProperty("status").GetString());
        Assert.Equal(before.GetProperty("accessTokenExpiresAt").GetDateTime(), after.GetProperty("accessTokenExpiresAt").GetDateTime());
        Assert.Equal(refreshes, fixture.Kakao.RefreshCount);
    }

    [Fact]
    public async Task RefreshOrGet_UnknownAccount_Is404Problem_WithoutAskingKakao()
    {
        using var api = new ApiClient(fixture);
        var refreshes = fixture.Kakao.RefreshCount;

        (await api.PostAsync("/api/accounts/987654321/refresh")).AssertProblemDetail(HttpStatusCode.NotFound, "no account 987654321");
        (await api.GetAsync("/api/accounts/987654321")).AssertProblemDetail(HttpStatusCode.NotFound, "no account 987654321");

        Assert.Equal(refreshes, fixture.Kakao.RefreshCount);
    }

    [Fact]
    public async Task Refresh_AfterKakaoRevokedTheRefreshToken_Is409_AndTheAccountNeedsReauthorization()
    {
        var accountId = await fixture.ConnectAccountAsync(8602);
        using var api = new ApiClient(fixture);
        var queued = await api.SendAcceptedAsync(new { accountId, text = "will never go" });
        fixture.Kakao.RevokeRefreshTokens(8602);

        var answer = await api.PostAsync($"/api/accounts/{accountId}/refresh");

        answer.AssertProblemDetail(HttpStatusCode.Conflict, "KOE322");
        var account = (await api.GetAsync($"/api/accounts/{accountId}")).Json;
        Assert.Equal("reauthorization_required", account.GetProperty("status").GetString());
        var message = await api.GetMessageAsync(queued);
        Assert.Equal("failed", message.Status());
        Assert.Contains("KOE322", message.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        var tokenRequests = TokenRequests();
        (await api.PostAsync($"/api/accounts/{accountId}/refresh")).AssertProblemDetail(HttpStatusCode.Conflict, "connect KakaoTalk again");
        Assert.Equal(tokenRequests, TokenRequests());
    }

    [Fact]
    public async Task Refresh_OfAnUnlinkedAccount_Is409_WithoutAskingKakao()
    {
        var accountId = await fixture.ConnectAccountAsync(8603);
        await fixture.SetAccountStatusAsync(accountId, "unlinked");
        using var api = new ApiClient(fixture);
        var tokenRequests = TokenRequests();

        (await api.PostAsync($"/api/accounts/{accountId}/refresh")).AssertProblemDetail(HttpStatusCode.Conflict, "unlinked");

        Assert.Equal(tokenRequests, TokenRequests());
        Assert.Equal("unlinked", await fixture.AccountStatusAsync(accountId));
    }

    [Fact]
    public async Task Refresh_WhenKakaoIsDown_Is502_AndKeepsTheAccountAsItWas()
    {
        var accountId = await fixture.ConnectAccountAsync(8604);
        using var api = new ApiClient(fixture);
        var before = (await api.GetAsync($"/api/accounts/{accountId}")).Json;
        fixture.Kakao.FailTokenEndpoint(503);

        var answer = await api.PostAsync($"/api/accounts/{accountId}/refresh");

        answer.AssertProblemDetail(HttpStatusCode.BadGateway, "unchanged");
        var after = (await api.GetAsync($"/api/accounts/{accountId}")).Json;
        Assert.Equal("active", after.GetProperty("status").GetString());
        Assert.Equal(before.GetProperty("accessTokenExpiresAt").GetDateTime(), after.GetProperty("accessTokenExpiresAt").GetDateTime());
    }

    private int TokenRequests() => fixture.Kakao.Server.LogEntries.Count(e => e.RequestMessage?.Path == "/oauth/token");
}
