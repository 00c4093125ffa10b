using System.Diagnostics;
using System.Net;
using MySqlConnector;
using Notifier.Api.Tests.Support;
using Notifier.Testing;

namespace Notifier.Api.Tests.Webhooks;

/// <summary>The dispatcher is off: what was accepted stays queued until the unlink fails it.</summary>
public sealed class UnlinkWhileLockedFixture : MessagingFixture;

/// <summary>Kakao waits 3 seconds for the webhook; a token refresh may hold the account row far longer.</summary>
public sealed class UnlinkWhileLockedTests(UnlinkWhileLockedFixture fixture) : IClassFixture<UnlinkWhileLockedFixture>
{
    private static readonly TimeSpan KakaosPatience = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task Unlink_WhileTheAccountRowIsLocked_Answers200AtOnce_AndUnlinksOnceTheLockIsGone()
    {
        var accountId = await fixture.ConnectAccountAsync(8501);
        using var api = new ApiClient(fixture);
        var queued = await api.SendAcceptedAsync(new { accountId, text = "fails after the unlink" });

        // What AccessTokenService does during a refresh: the account row locked until its transaction ends.
        await using var holder = new MySqlConnection(fixture.ConnectionString);
        await holder.OpenAsync();
        await using var transaction = await holder.BeginTransactionAsync();
        await using (var lockRow = new MySqlCommand("SELECT Id FROM accounts WHERE Id = @id FOR UPDATE", holder, transaction))
        {
            lockRow.Parameters.AddWithValue("@id", accountId);
            await lockRow.ExecuteScalarAsync();
        }

        ApiAnswer answer;
        var elapsed = Stopwatch.StartNew();
        try
        {
            answer = await UnlinkCalls.PostAsync(fixture, UnlinkCalls.Fields(8501)).WaitAsync(KakaosPatience);
        }
        finally
        {
            elapsed.Stop();
        }

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.True(elapsed.Elapsed < KakaosPatience, $"answered after {elapsed.Elapsed}");
        Assert.Equal("active", await fixture.AccountStatusAsync(accountId)); // not applied while the lock is held

        await transaction.CommitAsync();

        await Eventually.MatchAsync(() => fixture.AccountStatusAsync(accountId), s => s == "unlinked", "the account to be unlinked after the lock");
        await api.WaitForStatusAsync(queued, "failed");
        Assert.Equal(0, await fixture.LongAsync("SELECT COUNT(*) FROM account_unlink_requests"));
    }
}
