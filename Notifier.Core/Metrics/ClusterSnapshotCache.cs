using Microsoft.Extensions.Logging;

namespace Notifier.Core.Metrics;

/// <summary>
/// The snapshot one scrape reads: the first gauge callback of a scrape reads the database (bounded by
/// <see cref="ReadTimeout"/>), the others reuse it. Gauge callbacks are synchronous, so the read blocks its caller; a
/// failed read is remembered just as long, so an outage costs one timeout per scrape, not one per gauge.
/// </summary>
public sealed partial class ClusterSnapshotCache(ClusterSnapshotReader reader, TimeProvider time, ILogger<ClusterSnapshotCache> logger)
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(3);

    private readonly Lock _lock = new();
    private long _readAt;
    private bool _hasRead;
    private ClusterSnapshot? _snapshot;

    /// <summary>The cluster's state read at most <see cref="Freshness"/> ago; null when the database could not be read.</summary>
    public ClusterSnapshot? Current()
    {
        lock (_lock)
        {
            if (_hasRead && time.GetElapsedTime(_readAt) < Freshness)
            {
                return _snapshot;
            }

            _snapshot = Read();
            _readAt = time.GetTimestamp();
            _hasRead = true;
            return _snapshot;
        }
    }

    private ClusterSnapshot? Read()
    {
        using var timeout = new CancellationTokenSource(ReadTimeout);
        try
        {
            // No synchronization context here (a scrape or a test's collect): blocking on the read cannot deadlock.
            return reader.ReadAsync(timeout.Token).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The exception's type only: a driver's message can carry a server address or a user name.
            LogUnreadable(logger, timeout.IsCancellationRequested ? $"no answer within {ReadTimeout.TotalSeconds:0} s" : ex.GetType().Name);
            return null;
        }
    }

    [LoggerMessage(LogLevel.Warning, "Metrics: the database could not be read for the cluster gauges ({Reason}); this scrape reports notifier_database_up 0 and none of them")]
    private static partial void LogUnreadable(ILogger logger, string reason);
}
