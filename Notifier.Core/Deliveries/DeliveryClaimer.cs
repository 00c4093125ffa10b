using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Notifier.Core.Data;

namespace Notifier.Core.Deliveries;

/// <summary>
/// Claims a batch of due deliveries for this dispatcher in one short transaction: the rows are locked with
/// the dialect's claim (<c>FOR UPDATE SKIP LOCKED</c> on MariaDB) so concurrent dispatchers take disjoint rows, leased to this node, and
/// metered against the account's daily cap; what is over the cap waits for the next Korean day.
/// </summary>
public sealed partial class DeliveryClaimer(
    NotifierDbContext db,
    TimeProvider time,
    IOptions<DispatchOptions> options,
    ILogger<DeliveryClaimer> logger)
{
    /// <summary>Claims a page and returns only its rows (tests that look at the claim alone).</summary>
    public async Task<IReadOnlyList<ClaimedDelivery>> ClaimAsync(CancellationToken cancellationToken) =>
        (await ClaimPageAsync(cancellationToken)).Rows;

    /// <summary>
    /// Claims the next page: due rows in turns across accounts, leased, metered, with the accounts they need, all in one
    /// transaction on one connection.
    /// </summary>
    public Task<ClaimedPage> ClaimPageAsync(CancellationToken cancellationToken) =>
        db.InTransactionAsync(async ct =>
        {
            var o = options.Value;
            var now = time.GetUtcNow().UtcDateTime;
            if (await AppRateLimits.UntilAsync(db, ct) > now)
            {
                return ClaimedPage.Empty; // Kakao limits the whole app (-10): nothing goes out until the wait is over
            }

            var due = await SelectDueAsync(now, o.BatchSize, ct);
            if (due.Count == 0)
            {
                return ClaimedPage.Empty;
            }

            var today = KoreanTime.Day(now);
            var split = DailyCapMeter.Meter(due, await DailyUsageRows.LockAsync(db, due.Select(d => d.AccountId).Distinct().ToList(), today, ct), o.DailyCap);
            var leaseUntil = now.AddSeconds(o.LeaseSeconds);
            await LeaseAsync(split.Claimed.Select(d => d.Id).ToList(), leaseUntil, ct);
            await HoldForTomorrowAsync(split.OverCap.Select(d => d.Id).ToList(), now, today, ct);
            await DailyUsageRows.AddAsync(db, split.Added, today, ct);
            var rows = split.Claimed.Select(d => new ClaimedDelivery(d.Id, d.AccountId, d.TemplateJson, d.Attempts + 1, today, leaseUntil)).ToList();
            var accountIds = rows.Select(r => r.AccountId).Distinct().ToList();
            var accounts = accountIds.Count == 0
                ? new Dictionary<long, Accounts.Account>()
                : await db.Accounts.AsNoTracking().Where(a => accountIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
            return new ClaimedPage(rows, accounts, due.Count);
        }, cancellationToken, db.Dialect.BeginClaimTransactionAsync);

    private async Task LeaseAsync(List<long> ids, DateTime leaseUntil, CancellationToken cancellationToken)
    {
        if (ids.Count > 0)
        {
            var node = options.Value.NodeId;
            await db.Deliveries.Where(d => ids.Contains(d.Id)).ExecuteUpdateAsync(u => u
                .SetProperty(d => d.Status, DeliveryStatus.Sending)
                .SetProperty(d => d.LeaseOwner, node)
                .SetProperty(d => d.DueAt, leaseUntil)
                .SetProperty(d => d.Attempts, d => d.Attempts + 1), cancellationToken);
        }
    }

    private async Task HoldForTomorrowAsync(List<long> ids, DateTime now, DateOnly today, CancellationToken cancellationToken)
    {
        if (ids.Count > 0)
        {
            var cap = options.Value.DailyCap;
            await db.Deliveries.Where(d => ids.Contains(d.Id)).ExecuteUpdateAsync(u => u
                .SetProperty(d => d.Status, DeliveryStatus.Queued)
                .SetProperty(d => d.LeaseOwner, (string?)null)
                .SetProperty(d => d.DueAt, KoreanTime.NextMidnightUtc(now))
                .SetProperty(d => d.LastError, $"Daily cap of {cap} memos for this account reached on {today:yyyy-MM-dd} (KST); waits until 00:00 KST"), cancellationToken);
        }
    }

    /// <summary>
    /// Restarts the lease of a page's rows that wait for a sender, in one statement, while they are still this
    /// dispatcher's. Returns the ids renewed; the others were taken over by another dispatcher after their lease ran out:
    /// they must not be sent here, and the day's unit each held is given back.
    /// </summary>
    public async Task<IReadOnlySet<long>> RenewLeasesAsync(IReadOnlyList<ClaimedDelivery> rows, DateTime leaseUntil, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var ids = rows.Select(r => r.Id).ToList();
        var renewed = await Mine(ids).ExecuteUpdateAsync(u => u.SetProperty(d => d.DueAt, leaseUntil), cancellationToken);
        if (renewed == ids.Count)
        {
            return ids.ToHashSet();
        }

        var mine = (await Mine(ids).Select(d => d.Id).ToListAsync(cancellationToken)).ToHashSet();
        foreach (var lost in rows.Where(r => !mine.Contains(r.Id)))
        {
            await DailyUsageRows.ReleaseAsync(db, lost.AccountId, lost.UsageDay, cancellationToken);
            LogTakenOver(logger, lost.Id, o.NodeId, o.LeaseSeconds);
        }

        return mine;
    }

    private IQueryable<Delivery> Mine(List<long> ids)
    {
        var node = options.Value.NodeId;
        return db.Deliveries.Where(d => ids.Contains(d.Id) && d.LeaseOwner == node && d.Status == DeliveryStatus.Sending);
    }

    // A 'sending' row is due when its lease (DueAt) ran out: its dispatcher died or hung. Those have waited longest: they
    // go first. Queued rows are taken in turns across accounts, so a deep backlog of one account (or one the daily cap
    // moved to 00:00 KST) does not keep another account's due row waiting for more than one page.
    private async Task<List<Delivery>> SelectDueAsync(DateTime now, int batchSize, CancellationToken cancellationToken)
    {
        var due = await db.Dialect.ClaimDueDeliveriesAsync(DeliveryStatus.Sending, now, batchSize, cancellationToken);
        if (due.Count < batchSize)
        {
            due.AddRange(await db.Dialect.ClaimDueDeliveriesInTurnsAsync(now, batchSize - due.Count, cancellationToken));
        }

        return due;
    }

    [LoggerMessage(LogLevel.Warning, "Delivery {DeliveryId} was taken over by another dispatcher before {NodeId} got to send it; not sent here (Dispatch:LeaseSeconds {LeaseSeconds} may be short for this batch)")]
    private static partial void LogTakenOver(ILogger logger, long deliveryId, string nodeId, int leaseSeconds);
}
