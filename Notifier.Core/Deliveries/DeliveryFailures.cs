using Microsoft.EntityFrameworkCore;
using Notifier.Core.Data;

namespace Notifier.Core.Deliveries;

internal static class DeliveryFailures
{
    /// <summary>Fails every queued delivery of an account that can no longer be sent for (in the caller's transaction).</summary>
    public static Task<int> FailQueuedAsync(NotifierDbContext db, long accountId, string reason, CancellationToken cancellationToken) =>
        db.Deliveries
            .Where(d => d.AccountId == accountId && d.Status == DeliveryStatus.Queued)
            .ExecuteUpdateAsync(u => u
                .SetProperty(d => d.Status, DeliveryStatus.Failed)
                .SetProperty(d => d.LastError, reason), cancellationToken);
}
