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
    public Task<IReadOnlyList<ClaimedDelivery>> ClaimAsync(CancellationToken cancellationToken) =>
        db.InTransactionAsync(async ct =>
        {
            var o = options.Value;
            var now = time.GetUtcNow().UtcDateTime;
            if (await AppRateLimits.UntilAsync(db, ct) > now)
            {
                return (IReadOnlyList<ClaimedDelivery>)[]; // Kakao limits the whole app (-10): nothing goes out until the wait is over
            }

            var due = await SelectDueAsync(now, o.BatchSize, ct);
            if (due.Count == 0)
            {
                return (IReadOnlyList<ClaimedDelivery>)[];
            }

            var today = KoreanTime.Day(now);
            var split = DailyCapMeter.Meter(due, await DailyUsageRows.LockAsync(db, due.Select(d => d.AccountId).Distinct().ToList(), today, ct), o.DailyCap);
            var leaseUntil = now.AddSeconds(o.LeaseSeconds);
            await LeaseAsync(split.Claimed.Select(d => d.Id).ToList(), leaseUntil, ct);
            await HoldForTomorrowAsync(split.OverCap.Select(d => d.Id).ToList(), now, today, ct);
            await DailyUsageRows.AddAsync(db, split.Added, today, ct);
            return split.Claimed.Select(d => new ClaimedDelivery(d.Id, d.AccountId, d.TemplateJson, d.Attempts + 1, today, leaseUntil)).ToList();
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
    /// Called just before a claimed delivery is sent: restarts its lease, so the lease covers this send and not the
    /// wait behind the rest of the batch. False when the row is no longer this dispatcher's (the lease ran out while
    /// it waited and another dispatcher took it over): it must not be sent here, and the day's unit it held is given back.
    /// </summary>
    public async Task<bool> RenewLeaseAsync(ClaimedDelivery delivery, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var now = time.GetUtcNow().UtcDateTime;
        if (delivery.LeaseUntil - now >= TimeSpan.FromSeconds(o.LeaseSeconds * 0.9))
        {
            // Claimed a moment ago: nobody can have taken it over (that needs the lease to run out), and almost the
            // whole lease is left for the send. Saves a statement per message on the hot path.
            return true;
        }

        var leaseUntil = now.AddSeconds(o.LeaseSeconds);
        var renewed = await db.Deliveries
            .Where(d => d.Id == delivery.Id && d.LeaseOwner == o.NodeId && d.Status == DeliveryStatus.Sending)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.DueAt, leaseUntil), cancellationToken);
        if (renewed == 1)
        {
            return true;
        }

        await DailyUsageRows.ReleaseAsync(db, delivery.AccountId, delivery.UsageDay, cancellationToken);
        LogTakenOver(logger, delivery.Id, o.NodeId, o.LeaseSeconds);
        return false;
    }

    // A 'sending' row is due when its lease (DueAt) ran out: its dispatcher died or hung. Those have waited longest: they go first.
    private async Task<List<Delivery>> SelectDueAsync(DateTime now, int batchSize, CancellationToken cancellationToken)
    {
        var due = await db.Dialect.ClaimDueDeliveriesAsync(DeliveryStatus.Sending, now, batchSize, cancellationToken);
        if (due.Count < batchSize)
        {
            due.AddRange(await db.Dialect.ClaimDueDeliveriesAsync(DeliveryStatus.Queued, now, batchSize - due.Count, cancellationToken));
        }

        return due;
    }

    [LoggerMessage(LogLevel.Warning, "Delivery {DeliveryId} was taken over by another dispatcher before {NodeId} got to send it; not sent here (Dispatch:LeaseSeconds {LeaseSeconds} may be short for this batch)")]
    private static partial void LogTakenOver(ILogger logger, long deliveryId, string nodeId, int leaseSeconds);
}
