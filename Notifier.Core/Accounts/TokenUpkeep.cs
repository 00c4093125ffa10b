using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Notifier.Core.Data;
using Notifier.Core.Kakao;
using Notifier.Core.Schedules;

namespace Notifier.Core.Accounts;

/// <summary>
/// The "monthly refresh": refreshes every active account whose refresh token has less than
/// <see cref="TokenOptions.UpkeepRefreshBelowDays"/> left, so Kakao rotates it in its last month while its owner is
/// away. Accounts are claimed a few at a time with <c>FOR UPDATE SKIP LOCKED</c> and marked with
/// <see cref="Account.LastUpkeepAt"/> (a half-day lease), so several nodes share a pass and none refreshes twice.
/// Then <see cref="ConsentCheck"/> flags the accounts whose owners withdrew the <c>talk_message</c> consent.
/// </summary>
public sealed partial class TokenUpkeep(
    IServiceScopeFactory scopes,
    ConsentCheck consent,
    TimeProvider time,
    IOptions<TokenOptions> options,
    ILogger<TokenUpkeep> logger)
{
    private const int ClaimSize = 8;
    private static readonly TimeSpan Lease = TimeSpan.FromHours(12);

    public async Task<UpkeepReport> RunAsync(CancellationToken cancellationToken)
    {
        var report = new UpkeepReport();
        int parallelism;
        await using (var scope = scopes.CreateAsyncScope())
        {
            // Without SKIP LOCKED (SQLite) one claimer, so no account is claimed twice.
            parallelism = scope.ServiceProvider.GetRequiredService<NotifierDbContext>().Dialect.SkipsLockedRows ? options.Value.UpkeepParallelism : 1;
        }

        var workers = Enumerable.Range(0, parallelism).Select(_ => WorkAsync(report, cancellationToken));
        await Task.WhenAll(workers);
        report.ConsentWithdrawn = await consent.RunAsync(cancellationToken);
        LogPass(logger, report.Refreshed, report.NeedReauthorization, report.Failed, report.ConsentWithdrawn);
        return report;
    }

    private async Task WorkAsync(UpkeepReport report, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NotifierDbContext>();
            var ids = await ClaimNextAsync(db, cancellationToken);
            if (ids.Count == 0)
            {
                return;
            }

            foreach (var id in ids)
            {
                await RefreshAsync(scope.ServiceProvider, id, report, cancellationToken);
            }
        }
    }

    private async Task RefreshAsync(IServiceProvider services, long id, UpkeepReport report, CancellationToken cancellationToken)
    {
        try
        {
            await services.GetRequiredService<AccessTokenService>().ForceRefreshAsync(id, cancellationToken);
            Interlocked.Increment(ref report.Refreshed);
        }
        catch (AccountUnavailableException)
        {
            // Marked reauthorization_required and logged once by AccessTokenService; never picked again.
            Interlocked.Increment(ref report.NeedReauthorization);
        }
        catch (Exception ex) when (ex is KakaoUnavailableException or KakaoAuthException)
        {
            // Kakao is down or refused for now: the next pass tries again, well before the token runs out.
            Interlocked.Increment(ref report.Failed);
            LogFailed(logger, id, ex.Message);
        }
    }

    // A few accounts per claim: each claim scans the index from the soonest expiry, so claiming one at a time would
    // read the accounts already done again and again.
    private Task<List<long>> ClaimNextAsync(NotifierDbContext db, CancellationToken cancellationToken)
    {
        return db.InTransactionAsync(async ct =>
        {
            var now = time.GetUtcNow().UtcDateTime;
            var ids = await db.Dialect.ClaimAccountsForUpkeepAsync(now.AddDays(options.Value.UpkeepRefreshBelowDays), now - Lease, ClaimSize, ct);
            if (ids.Count > 0)
            {
                await db.Accounts.Where(a => ids.Contains(a.Id)).ExecuteUpdateAsync(u => u.SetProperty(a => a.LastUpkeepAt, now), ct);
            }

            return ids;
        }, cancellationToken);
    }

    [LoggerMessage(LogLevel.Information, "Token upkeep: {Refreshed} refreshed, {NeedReauthorization} need reauthorization, {Failed} failed for now, {ConsentWithdrawn} withdrew the message consent")]
    private static partial void LogPass(ILogger logger, int refreshed, int needReauthorization, int failed, int consentWithdrawn);

    [LoggerMessage(LogLevel.Information, "Token upkeep could not refresh account {AccountId} now: {Reason}")]
    private static partial void LogFailed(ILogger logger, long accountId, string reason);
}

/// <summary>What one upkeep pass did.</summary>
public sealed class UpkeepReport
{
#pragma warning disable CA1051 // Counted with Interlocked by the pass's workers.
    public int Refreshed;
    public int NeedReauthorization;
    public int Failed;

    /// <summary>Active accounts found without the <c>talk_message</c> consent and flagged.</summary>
    public int ConsentWithdrawn;
#pragma warning restore CA1051
}
