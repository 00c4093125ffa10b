namespace Notifier.Core.Schedules;

/// <summary>
/// An <c>Idempotency-Key</c> of a schedule's creation and the schedule its first request created, written in the same
/// transaction: a client that sends the creation again (after a timeout, a 503) gets that schedule, not a second one.
/// </summary>
public sealed class ScheduleCreationKey
{
    /// <summary>Whose key it is (the API key that sent it), as for messages.</summary>
    public string Scope { get; set; } = "";

    public string Key { get; set; } = "";

    /// <summary>SHA-256 of what was asked (hex): the same key for another schedule is refused.</summary>
    public string RequestHash { get; set; } = "";

    public long ScheduleId { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>A creation's Idempotency-Key: whose it is, the key, and the hash of the schedule asked for.</summary>
public sealed record CreationKey(string Scope, string Key, string RequestHash);
