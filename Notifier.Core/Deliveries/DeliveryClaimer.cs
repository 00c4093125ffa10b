using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Notifier.Core.Data;

namespace Notifier.Core.Deliveries;

/// <summary>
/// Claims a batch of due deliveries for this dispatcher in one short transaction: the rows are locked with
/// <c>FOR UPDATE SKIP LOCKED</c> (MariaDB) so concurrent dispatchers take disjoint rows, leased to this node, and
/// metered against the account's daily cap; what is over the cap waits for the next Korean day.
/// </summary>
public sealed partial class DeliveryClaimer(
    NotifierDbContext db,
    TimeProvider time,
    IOptions<DispatchOptions> options,
    ILogger<DeliveryClaimer> logger)
{
    public Task<IReadOnlyList<ClaimedDelivery>> ClaimAsync(CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            var o = options.Value;
            var now = time.GetUtcNow().UtcDateTime;
            // Read committed on MariaDB: under repeatable read the lease UPDATE ('WHERE Id IN (...)', planned as a scan
            // of the primary key on a small table) kept a lock on every row it read, so a concurrent claim skipped
            // them all. SQLite has one writer anyway.
            await using var transaction = db.Database.IsSqlite()
                ? await db.Database.BeginTransactionAsync(ct)
                : await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
            var due = await SelectDueAsync(now, o.BatchSize, ct);
            if (due.Count == 0)
            {
                await transaction.CommitAsync(ct);
                return (IReadOnlyList<ClaimedDelivery>)[];
            }

            var today = KoreanTime.Day(now);
            var usage = await DailyUsageRows.LockAsync(db, due.Select(d => d.AccountId).Distinct().ToList(), today, ct);
            var claimed = new List<Delivery>();
            var overCap = new List<long>();
            var added = new Dictionary<long, int>();
            foreach (var delivery in due.OrderBy(d => d.DueAt))
            {
                var taken = added.GetValueOrDefault(delivery.AccountId);
                if (usage[delivery.AccountId] + taken < o.DailyCap)
                {
                    added[delivery.AccountId] = taken + 1;
                    claimed.Add(delivery);
                }
                else
                {
                    overCap.Add(delivery.Id);
                }
            }

            var ids = claimed.Select(d => d.Id).ToList();
            var leaseUntil = now.AddSeconds(o.LeaseSeconds);
            if (ids.Count > 0)
            {
                await db.Deliveries.Where(d => ids.Contains(d.Id)).ExecuteUpdateAsync(u => u
                    .SetProperty(d => d.Status, DeliveryStatus.Sending)
                    .SetProperty(d => d.LeaseOwner, o.NodeId)
                    .SetProperty(d => d.DueAt, leaseUntil)
                    .SetProperty(d => d.Attempts, d => d.Attempts + 1), ct);
            }

            if (overCap.Count > 0)
            {
                await db.Deliveries.Where(d => overCap.Contains(d.Id)).ExecuteUpdateAsync(u => u
                    .SetProperty(d => d.Status, DeliveryStatus.Queued)
                    .SetProperty(d => d.LeaseOwner, (string?)null)
                    .SetProperty(d => d.DueAt, KoreanTime.NextMidnightUtc(now))
                    .SetProperty(d => d.LastError, $"Daily cap of {o.DailyCap} memos for this account reached on {today:yyyy-MM-dd} (KST); waits until 00:00 KST"), ct);
            }

            await DailyUsageRows.AddAsync(db, added, today, ct);
            await transaction.CommitAsync(ct);
            return claimed.Select(d => new ClaimedDelivery(d.Id, d.AccountId, d.TemplateJson, d.Attempts + 1, today, leaseUntil)).ToList();
        }, cancellationToken);
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

    private async Task<List<Delivery>> SelectDueAsync(DateTime now, int batchSize, CancellationToken cancellationToken)
    {
        // A 'sending' row is due when its lease (DueAt) ran out: its dispatcher died or hung.
        if (db.Database.IsSqlite())
        {
            return await db.Deliveries.AsNoTracking()
                .Where(d => (d.Status == DeliveryStatus.Queued || d.Status == DeliveryStatus.Sending) && d.DueAt <= now)
                .OrderBy(d => d.DueAt).Take(batchSize)
                .ToListAsync(cancellationToken);
        }

        // Each query walks one (Status, DueAt) index range in order and stops after its batch, locking only what it
        // returns. With 'Status IN (...)', or when most rows are due and the optimizer prefers a table scan, InnoDB
        // reads and sorts every due row and locks them all: one claim held the whole backlog and a concurrent
        // dispatcher got nothing. Rows whose lease ran out have waited longest: they go first.
        var due = await LockDueAsync(DeliveryStatus.Sending, now, batchSize, cancellationToken);
        if (due.Count < batchSize)
        {
            due.AddRange(await LockDueAsync(DeliveryStatus.Queued, now, batchSize - due.Count, cancellationToken));
        }

        return due;
    }

    // Not composed with LINQ: EF would wrap it in a derived table, where the locking clause does not apply.
    // The index is the one DeliveryConfiguration declares on (Status, DueAt).
    private Task<List<Delivery>> LockDueAsync(DeliveryStatus status, DateTime now, int limit, CancellationToken cancellationToken) =>
        db.Deliveries.FromSql($"""
            SELECT * FROM deliveries FORCE INDEX (IX_deliveries_Status_DueAt)
            WHERE Status = {status.ToName()} AND DueAt <= {now}
            ORDER BY DueAt LIMIT {limit}
            FOR UPDATE SKIP LOCKED
            """).AsNoTracking().ToListAsync(cancellationToken);

    [LoggerMessage(LogLevel.Warning, "Delivery {DeliveryId} was taken over by another dispatcher before {NodeId} got to send it; not sent here (Dispatch:LeaseSeconds {LeaseSeconds} may be short for this batch)")]
    private static partial void LogTakenOver(ILogger logger, long deliveryId, string nodeId, int leaseSeconds);
}
