using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Notifier.Core.Data;
using Notifier.Core.Deliveries;
using Notifier.Core.Kakao;

namespace Notifier.Core.Accounts;

/// <summary>
/// The owner's disconnect: asks Kakao to unlink the app (<c>POST /v1/user/unlink</c>), then, whatever Kakao said,
/// deletes the stored tokens, fails the queued messages and disables the schedules, in one transaction.
/// </summary>
public sealed partial class AccountDisconnector(
    NotifierDbContext db,
    AccessTokenService tokens,
    TokenVault vault,
    KakaoUserClient kakao,
    TimeProvider time,
    ILogger<AccountDisconnector> logger)
{
    public const string Reason = "Disconnected by its owner; connect KakaoTalk again to resume";

    /// <summary>Null when there is no such account.</summary>
    public async Task<Disconnection?> DisconnectAsync(long accountId, CancellationToken cancellationToken)
    {
        var account = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == accountId, cancellationToken);
        if (account is null)
        {
            return null;
        }

        var outcome = await UnlinkAtKakaoAsync(account, cancellationToken);
        var (failed, disabled) = await ForgetAsync(accountId, cancellationToken);
        LogDisconnected(logger, accountId, outcome.ToString(), failed, disabled);
        return new Disconnection(accountId, outcome, failed, disabled);
    }

    private async Task<KakaoUnlinkOutcome> UnlinkAtKakaoAsync(Account account, CancellationToken cancellationToken)
    {
        try
        {
            var token = await UsableTokenAsync(account, cancellationToken);
            if (token is null)
            {
                return KakaoUnlinkOutcome.AlreadyGone;
            }

            await kakao.UnlinkAsync(token, cancellationToken);
            return KakaoUnlinkOutcome.Unlinked;
        }
        catch (Exception ex) when (ex is AccountUnavailableException or KakaoAuthException or KakaoApiException)
        {
            // The refresh token died, or Kakao refused the token (-401) or knows no link (-101): nothing is linked.
            return KakaoUnlinkOutcome.AlreadyGone;
        }
        catch (KakaoUnavailableException)
        {
            return KakaoUnlinkOutcome.Unreachable;
        }
    }

    // An active account's token is refreshed first when stale; another account's is used only while it is still valid
    // (one kept without the message consent still is: its owner may disconnect instead of consenting).
    private async Task<string?> UsableTokenAsync(Account account, CancellationToken cancellationToken)
    {
        if (account.Status == AccountStatus.Active)
        {
            return await tokens.GetFreshAsync(account, cancellationToken);
        }

        return account.AccessTokenCipher.Length > 0 && account.AccessTokenExpiresAt > time.GetUtcNow().UtcDateTime
            ? vault.ReadAccessToken(account)
            : null;
    }

    private Task<(int Failed, int Disabled)> ForgetAsync(long accountId, CancellationToken cancellationToken) =>
        db.InTransactionAsync(async ct =>
        {
            var now = time.GetUtcNow().UtcDateTime;
            var account = await db.Dialect.LockAccountAsync(accountId, ct);
            if (account is null)
            {
                return (0, 0);
            }

            account.Status = AccountStatus.Unlinked;
            account.StatusReason = Reason;
            TokenVault.Wipe(account, now);
            await db.SaveChangesAsync(ct);
            var failed = await DeliveryFailures.FailQueuedAsync(db, accountId, "Not sent: the account was disconnected by its owner.", ct);
            // Its owner's API keys end with it, as its sessions do: a reconnect starts without them.
            await db.ApiKeys.Where(k => k.AccountId == accountId).ExecuteDeleteAsync(ct);
            var disabled = await db.Schedules.Where(s => s.AccountId == accountId && s.Enabled).ExecuteUpdateAsync(u => u
                .SetProperty(s => s.Enabled, false)
                .SetProperty(s => s.NextFireTime, (DateTime?)null)
                .SetProperty(s => s.UpdatedAt, now), ct);
            return (failed, disabled);
        }, cancellationToken);

    [LoggerMessage(LogLevel.Information, "Account {AccountId} disconnected by its owner (Kakao: {KakaoOutcome}); {FailedDeliveries} queued messages failed, {DisabledSchedules} schedules disabled")]
    private static partial void LogDisconnected(ILogger logger, long accountId, string kakaoOutcome, int failedDeliveries, int disabledSchedules);
}
