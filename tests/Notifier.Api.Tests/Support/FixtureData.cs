using System.Globalization;
using System.Net;

namespace Notifier.Api.Tests.Support;

/// <summary>Connecting accounts and reading the fixture's database directly.</summary>
public static class FixtureData
{
    /// <summary>Connects a Kakao user through the real OAuth flow and returns the account id.</summary>
    public static async Task<long> ConnectAccountAsync(this ApiFixture fixture, long kakaoUserId, string nickname = "Tester")
    {
        using var browser = fixture.Factory.CreateBrowser();
        using var callback = await KakaoBrowserFlow.ConnectAsync(browser, fixture.Kakao, kakaoUserId, nickname);
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        return await fixture.LongAsync("SELECT Id FROM accounts WHERE KakaoUserId = @user", ("@user", kakaoUserId));
    }

    public static Task<long> DeliveryCountAsync(this ApiFixture fixture) => fixture.LongAsync("SELECT COUNT(*) FROM deliveries");

    public static Task<long> DeliveryCountAsync(this ApiFixture fixture, long accountId) =>
        fixture.LongAsync("SELECT COUNT(*) FROM deliveries WHERE AccountId = @account", ("@account", accountId));

    public static async Task<string?> AccountStatusAsync(this ApiFixture fixture, long accountId) =>
        (string?)await fixture.Database.ScalarAsync("SELECT Status FROM accounts WHERE Id = @id", ("@id", accountId));

    /// <summary>Puts an account in a state directly, as if the dispatcher or the webhook had.</summary>
    public static Task SetAccountStatusAsync(this ApiFixture fixture, long accountId, string status) =>
        fixture.Database.ScalarAsync("UPDATE accounts SET Status = @status WHERE Id = @id", ("@status", status), ("@id", accountId));

    public static async Task<string?> StringAsync(this ApiFixture fixture, string sql, long id) =>
        (string?)await fixture.Database.ScalarAsync(sql, ("@id", id));

    /// <summary>As if the minute between two API refreshes of the account (the refresh cooldown) were over.</summary>
    public static Task EndRefreshCooldownAsync(this ApiFixture fixture, long accountId) =>
        fixture.Database.ScalarAsync("UPDATE accounts SET LastManualRefreshAt = NULL WHERE Id = @id", ("@id", accountId));

    public static async Task<long> LongAsync(this ApiFixture fixture, string sql, params (string Name, object? Value)[] parameters) =>
        Convert.ToInt64(await fixture.Database.ScalarAsync(sql, parameters), CultureInfo.InvariantCulture);
}
