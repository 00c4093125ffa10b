using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Notifier.Core.Data;

namespace Notifier.Core.Deliveries;

/// <summary>
/// Deletes settled deliveries (sent, failed, unknown, skipped) older than <see cref="DispatchOptions.RetentionDays"/>,
/// with their content (it is in the row), their Idempotency-Key and, for a schedule fire, the fire's record (the
/// delivery itself). The table is walked in primary-key order, <see cref="BatchSize"/> ids at a time, each batch one
/// short autocommitted <c>DELETE ... WHERE Id BETWEEN</c>, so no statement holds locks on more than a batch of rows and
/// the dispatcher and the intake keep working meanwhile. Ids grow with <see cref="Delivery.CreatedAt"/>, so the walk
/// stops at the first row inside the retention period: it reads the expired rows and one batch more, never the history.
/// A queued row older than the period (waiting out a daily cap) is kept until it settles.
/// </summary>
public sealed class DeliveryRetention(NotifierDbContext db, TimeProvider time, IOptions<DispatchOptions> options)
{
    /// <summary>Rows per statement: about a millisecond of locks each.</summary>
    public const int BatchSize = 1_000;

    /// <summary>Deletes what expired; returns how many deliveries went, and in how many delete statements.</summary>
    public async Task<(int Deleted, int Batches)> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow().UtcDateTime.AddDays(-options.Value.RetentionDays);
        var after = 0L;
        var deleted = 0;
        var batches = 0;
        while (true)
        {
            var page = await db.Deliveries.AsNoTracking().Where(d => d.Id > after).OrderBy(d => d.Id).Take(BatchSize)
                .Select(d => new { d.Id, d.CreatedAt }).ToListAsync(cancellationToken);
            var expired = page.TakeWhile(d => d.CreatedAt < cutoff).ToList();
            if (expired.Count == 0)
            {
                return (deleted, batches);
            }

            deleted += await DeleteRangeAsync(expired[0].Id, expired[^1].Id, cutoff, cancellationToken);
            batches++;
            if (expired.Count < page.Count || page.Count < BatchSize)
            {
                return (deleted, batches);
            }

            after = expired[^1].Id;
        }
    }

    private async Task<int> DeleteRangeAsync(long first, long last, DateTime cutoff, CancellationToken cancellationToken)
    {
        var expired = db.Deliveries.Where(d => d.Id >= first && d.Id <= last && d.CreatedAt < cutoff
            && d.Status != DeliveryStatus.Queued && d.Status != DeliveryStatus.Sending);
        // The key first: it points at the delivery (the foreign key would cascade on MariaDB; SQLite may run without them).
        await db.IdempotencyRecords.Where(r => r.DeliveryId >= first && r.DeliveryId <= last && expired.Any(d => d.Id == r.DeliveryId))
            .ExecuteDeleteAsync(cancellationToken);
        return await expired.ExecuteDeleteAsync(cancellationToken);
    }
}
