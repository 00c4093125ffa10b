using Microsoft.EntityFrameworkCore;
using MySqlConnector;

namespace Notifier.Core.Data.Dialects;

/// <summary>
/// Runs an operation again when InnoDB rolled it back to end a deadlock with another writer (1213, or 1467 when it was
/// waiting for a table's AUTO-INC lock, ADR 0016): three tries, the second at once, the third 0.1 s later. Nothing
/// else is retried: a request arriving during an outage or stuck behind a lock is answered as before, not held.
/// </summary>
internal sealed class MariaDbDeadlockRetry(DbContext context)
    : MySqlRetryingExecutionStrategy(context, maxRetryCount: 2, maxRetryDelay: TimeSpan.FromMilliseconds(100), errorNumbersToAdd: null)
{
    /// <summary>The two errors a statement rolled back to end a deadlock fails with.</summary>
    public static readonly int[] LostDeadlock = [(int)MySqlErrorCode.LockDeadlock, (int)MySqlErrorCode.AutoIncrementReadFailed];

    protected override bool ShouldRetryOn(Exception exception) => exception is MySqlException e && LostDeadlock.Contains(e.Number);
}
