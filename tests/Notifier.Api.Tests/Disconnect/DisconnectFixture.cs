using Notifier.Api.Tests.Support;
using Notifier.Testing.Database;

namespace Notifier.Api.Tests.Disconnect;

/// <summary>The dispatcher is off: what was accepted stays queued, so a disconnect can be seen failing it.</summary>
public sealed class DisconnectFixture : MessagingFixture
{
    /// <summary>The stored token ciphertexts of an account, to see that they are gone.</summary>
    public async Task<string> StoredTokensAsync(long accountId) =>
        (string?)await TestMariaDb.ScalarAsync(ConnectionString, "SELECT CONCAT(AccessTokenCipher, RefreshTokenCipher) FROM accounts WHERE Id = @id", ("@id", accountId)) ?? "";

    /// <summary>Creates an enabled schedule for the account through the API and returns its id.</summary>
    public async Task<long> CreateScheduleAsync(long accountId)
    {
        using var api = new ApiClient(this);
        using var body = System.Net.Http.Json.JsonContent.Create(new { accountId, name = "Morning", cron = "0 0 9 * * ?", message = new { text = "hi" } });
        var created = await api.PostAsync("/api/schedules", body);
        Assert.Equal(System.Net.HttpStatusCode.Created, created.Status);
        return created.Json.GetProperty("id").GetInt64();
    }

    public Task<long> EnabledSchedulesAsync(long accountId) =>
        this.LongAsync("SELECT COUNT(*) FROM schedules WHERE AccountId = @id AND Enabled", ("@id", accountId));
}
