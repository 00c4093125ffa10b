using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Notifier.Core.Data;
using Notifier.Core.Deliveries;
using Notifier.Core.Kakao;

namespace Notifier.Core.Accounts;

/// <summary>
/// Hands out a usable access token, refreshing it when it is about to expire. A refresh runs under the account's
/// row lock, so across all processes one refresh happens at a time and the others reuse its result; the whole token
/// response is committed before the new token is used; a refresh request is never retried automatically.
/// </summary>
public sealed partial class AccessTokenService(
    NotifierDbContext db,
    KakaoAuthClient auth,
    TokenVault vault,
    TimeProvider time,
    IOptions<TokenOptions> options,
    ILogger<AccessTokenService> logger)
{
    /// <summary>A token valid for at least the refresh-ahead margin, from <paramref name="account"/> when it is fresh.</summary>
    public async Task<string> GetFreshAsync(Account account, CancellationToken cancellationToken)
    {
        EnsureActive(account);
        return IsFresh(account)
            ? vault.ReadAccessToken(account)
            : await RefreshAsync(account.Id, knownToken: null, onlyIfStale: true, cancellationToken);
    }

    /// <summary>
    /// Kakao rejected <paramref name="rejectedToken"/> (-401): refresh, unless another process already stored a newer token.
    /// </summary>
    public Task<string> RefreshRejectedAsync(long accountId, string rejectedToken, CancellationToken cancellationToken) =>
        RefreshAsync(accountId, rejectedToken, onlyIfStale: false, cancellationToken);

    /// <summary>Refreshes now, whatever the token's expiry (<c>POST /api/accounts/{id}/refresh</c>).</summary>
    public Task<string> ForceRefreshAsync(long accountId, CancellationToken cancellationToken) =>
        RefreshAsync(accountId, knownToken: null, onlyIfStale: false, cancellationToken);

    private async Task<string> RefreshAsync(long accountId, string? knownToken, bool onlyIfStale, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        // Kept across the execution strategy's retries: once Kakao answered (and maybe rotated the refresh token),
        // a retry after a lost database connection stores this answer instead of asking Kakao again with a dead token.
        KakaoTokenResponse? obtained = null;
        // The caller may give up (a request's client leaves, its deadline passes, the host stops) while this waits for
        // the lock or the database, but not once Kakao is asked: Kakao retires the old refresh token when it sends a
        // new one (KOE322), so an answer not stored would mean connecting KakaoTalk again. Kakao:TimeoutSeconds bounds
        // the call; the strategy's retries then store its answer whatever the caller does.
        using var untilAsked = new CancellableUntilAsked(cancellationToken);
        return await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var account = await db.Dialect.LockAccountAsync(accountId, ct)
                ?? throw new AccountUnavailableException(accountId, AccountStatus.Unlinked, "the account no longer exists");
            EnsureActive(account);
            // Under the lock: whoever refreshed while we waited has stored a newer token; reuse it.
            var storedMeanwhile = knownToken is not null && account.AccessTokenExpiresAt > time.GetUtcNow().UtcDateTime
                && vault.ReadAccessToken(account) != knownToken;
            if (obtained is null && (storedMeanwhile || (onlyIfStale && IsFresh(account))))
            {
                await transaction.CommitAsync(ct);
                return vault.ReadAccessToken(account);
            }

            KakaoTokenResponse tokens;
            try
            {
                if (obtained is null)
                {
                    untilAsked.MarkAsked();
                }

                tokens = obtained ??= await auth.RefreshAsync(vault.ReadRefreshToken(account), ct);
            }
            catch (KakaoAuthException ex) when (ex.IsRefreshTokenDead)
            {
                var reason = $"Kakao refused the refresh token ({ex.ErrorCode}); connect KakaoTalk again";
                await MarkReauthorizationRequiredAsync(account, reason, ct);
                await transaction.CommitAsync(ct);
                throw new AccountUnavailableException(account.Id, AccountStatus.ReauthorizationRequired, reason);
            }

            vault.Apply(account, tokens, time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            LogRefreshed(logger, account.Id, tokens.RefreshToken is not null);
            return tokens.AccessToken;
        }, untilAsked.Token);
    }

    private bool IsFresh(Account account) => IsFresh(account, time.GetUtcNow().UtcDateTime, options.Value);

    /// <summary>Whether the stored access token is valid for at least the refresh-ahead margin.</summary>
    internal static bool IsFresh(Account account, DateTime nowUtc, TokenOptions options) =>
        account.AccessTokenExpiresAt > nowUtc.AddMinutes(options.RefreshAheadMinutes);

    /// <summary>Marks the account and fails its queued deliveries, in the caller's transaction.</summary>
    internal async Task MarkReauthorizationRequiredAsync(Account account, string reason, CancellationToken cancellationToken)
    {
        var wasActive = account.Status == AccountStatus.Active;
        account.Status = AccountStatus.ReauthorizationRequired;
        account.StatusReason = reason;
        account.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        await DeliveryFailures.FailQueuedAsync(db, account.Id, $"Not sent: {reason}.", cancellationToken);
        if (wasActive)
        {
            LogReauthorizationRequired(logger, account.Id, reason);
        }
    }

    private static void EnsureActive(Account account)
    {
        if (account.Status != AccountStatus.Active)
        {
            throw new AccountUnavailableException(account.Id, account.Status, "connect KakaoTalk again");
        }
    }

    [LoggerMessage(LogLevel.Information, "Refreshed the access token of account {AccountId} (refresh token rotated: {Rotated})")]
    private static partial void LogRefreshed(ILogger logger, long accountId, bool rotated);

    [LoggerMessage(LogLevel.Warning, "Account {AccountId} needs reauthorization: {Reason}")]
    private static partial void LogReauthorizationRequired(ILogger logger, long accountId, string reason);
}
