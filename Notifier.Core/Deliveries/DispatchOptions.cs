using System.ComponentModel.DataAnnotations;

namespace Notifier.Core.Deliveries;

/// <summary>How deliveries are sent (section <c>Dispatch</c>).</summary>
public sealed class DispatchOptions
{
    public const string SectionName = "Dispatch";

    /// <summary>Whether this process dispatches. Unset: the Worker does; the Api only in the embedded SQLite default.</summary>
    public bool? Enabled { get; set; }

    /// <summary>How many sends to Kakao run at once in this process.</summary>
    [Range(1, 256)]
    public int Parallelism { get; set; } = 8;

    /// <summary>How many due rows one claim takes.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 64;

    /// <summary>How often an idle dispatcher looks for due rows (a local enqueue wakes it at once).</summary>
    [Range(10, 60_000)]
    public int PollIntervalMilliseconds { get; set; } = 500;

    /// <summary>
    /// How long a claimed row stays with its dispatcher before another may take it over. The lease restarts when the
    /// row's send starts, so it must outlast one send: up to two refreshes and two memo calls of
    /// <c>Kakao:TimeoutSeconds</c> each.
    /// </summary>
    [Range(5, 3600)]
    public int LeaseSeconds { get; set; } = 60;

    /// <summary>Attempts before a retryable failure (5xx, -1, -7, connection refused) becomes <c>failed</c>.</summary>
    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>First retry delay; it doubles each attempt, with jitter, up to <see cref="RetryMaxSeconds"/>.</summary>
    [Range(1, 3600)]
    public int RetryBaseSeconds { get; set; } = 5;

    [Range(1, 86_400)]
    public int RetryMaxSeconds { get; set; } = 900;

    /// <summary>Memos per account per Korean day; what is over waits for the next day (Kakao allows about 20).</summary>
    [Range(1, 100_000)]
    public int DailyCap { get; set; } = 20;

    /// <summary>
    /// Messages one account may have waiting (queued, retrying or being sent); the next is refused (429) and a schedule
    /// fire over it is recorded as skipped.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxQueuedPerAccount { get; set; } = 500;

    /// <summary>Sent, failed, unknown and skipped deliveries older than this are deleted, content and all, by the hourly housekeeping.</summary>
    [Range(1, 36_500)]
    public int RetentionDays { get; set; } = 90;

    /// <summary>This dispatcher's name in leases; unique per process.</summary>
    [Required]
    public string NodeId { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}";
}
