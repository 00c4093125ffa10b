using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Notifier.Core.Data;

namespace Notifier.Core.Deliveries;

/// <summary>
/// Claims a batch of due deliveries for this dispatcher in one short transaction: the rows are locked with
/// <c>FOR UPDATE SKIP LOCKED</c> (MariaDB) so concurrent dispatchers take disjoint rows, leased to this node, and
/// metered against the account's daily cap; what is over the cap waits for the next Korean day.
/// </summary>
public sealed class DeliveryClaimer(NotifierDbContext db, TimeProvider time, IOptions<DispatchOptions> options)
{
    public Task<IReadOnlyList<ClaimedDelivery>> ClaimAsync(CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            var o = options.Value;
            var now = time.GetUtcNow().UtcDateTime;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
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
            foreach (var delivery in due.OrderBy(d => d.DueAt))
            {
                var used = usage[delivery.AccountId];
                if (used.Count < o.DailyCap)
                {
                    used.Count++;
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

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return claimed.Select(d => new ClaimedDelivery(d.Id, d.AccountId, d.TemplateJson, d.Attempts + 1, today)).ToList();
        }, cancellationToken);
    }

    private Task<List<Delivery>> SelectDueAsync(DateTime now, int batchSize, CancellationToken cancellationToken)
    {
        // A 'sending' row is due when its lease (DueAt) ran out: its dispatcher died or hung.
        if (db.Database.IsSqlite())
        {
            return db.Deliveries.AsNoTracking()
                .Where(d => (d.Status == DeliveryStatus.Queued || d.Status == DeliveryStatus.Sending) && d.DueAt <= now)
                .OrderBy(d => d.DueAt).Take(batchSize)
                .ToListAsync(cancellationToken);
        }

        // Not composed with LINQ: EF would wrap it in a derived table, where the locking clause does not apply.
        return db.Deliveries.FromSql($"""
            SELECT * FROM deliveries
            WHERE Status IN ('queued', 'sending') AND DueAt <= {now}
            ORDER BY DueAt LIMIT {batchSize}
            FOR UPDATE SKIP LOCKED
            """).AsNoTracking().ToListAsync(cancellationToken);
    }
}
