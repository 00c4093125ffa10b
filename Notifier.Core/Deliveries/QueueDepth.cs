using Microsoft.EntityFrameworkCore;
using Notifier.Core.Data;

namespace Notifier.Core.Deliveries;

/// <summary>How many messages an account has waiting, counted only as far as the cap (<see cref="DispatchOptions.MaxQueuedPerAccount"/>).</summary>
public static class QueueDepth
{
    /// <summary>
    /// The account's queued and sending deliveries, at most <paramref name="cap"/>: <c>SELECT COUNT(*) FROM (SELECT 1 ...
    /// LIMIT cap)</c> on the (AccountId, Status) index, so a full queue costs <paramref name="cap"/> index entries, not a scan.
    /// </summary>
    public static Task<int> CountAsync(NotifierDbContext db, long accountId, int cap, CancellationToken cancellationToken) =>
        db.Deliveries.AsNoTracking()
            .Where(d => d.AccountId == accountId && (d.Status == DeliveryStatus.Queued || d.Status == DeliveryStatus.Sending))
            .Take(cap)
            .CountAsync(cancellationToken);
}
