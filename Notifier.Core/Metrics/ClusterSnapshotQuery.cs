using Notifier.Core.Accounts;
using Notifier.Core.Deliveries;

namespace Notifier.Core.Metrics;

/// <summary>
/// The one statement a scrape runs, the same on SQLite and MariaDB. Each half reads one existing index and nothing else:
/// deliveries the (Status, DueAt) index — live rows by status, settled rows by the DueAt they were settled at (the
/// outcome writer sets DueAt to the time it records an outcome) — and accounts the (Status, RefreshTokenExpiresAt) index.
/// </summary>
internal static class ClusterSnapshotQuery
{
    public static FormattableString For(DateTime settledSince) => $"""
        SELECT 'delivery' AS Kind, Status AS Name, COUNT(*) AS Count, MIN(DueAt) AS Earliest
        FROM deliveries
        WHERE Status IN ({DeliveryStatus.Queued.ToName()}, {DeliveryStatus.Sending.ToName()})
           OR (Status IN ({DeliveryStatus.Sent.ToName()}, {DeliveryStatus.Failed.ToName()}, {DeliveryStatus.Unknown.ToName()}, {DeliveryStatus.Skipped.ToName()})
               AND DueAt >= {settledSince})
        GROUP BY Status
        UNION ALL
        SELECT 'account' AS Kind, Status AS Name, COUNT(*) AS Count, MIN(RefreshTokenExpiresAt) AS Earliest
        FROM accounts
        GROUP BY Status
        """;
}

/// <summary>One row of <see cref="ClusterSnapshotQuery"/>: a status of a table, its row count and its earliest time.</summary>
internal sealed class ClusterSnapshotRow
{
    public string Kind { get; set; } = "";

    public string Name { get; set; } = "";

    public long Count { get; set; }

    public DateTime? Earliest { get; set; }
}
