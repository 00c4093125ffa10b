namespace Notifier.Core.Deliveries;

/// <summary>Where a delivery is in its life. Stored and shown as the lower-case names.</summary>
public enum DeliveryStatus
{
    /// <summary>Waiting until <see cref="Delivery.DueAt"/> (new, retrying, or postponed by a quota).</summary>
    Queued,

    /// <summary>Claimed by a dispatcher under a lease; picked up again if the lease runs out.</summary>
    Sending,

    /// <summary>Kakao answered <c>result_code 0</c>.</summary>
    Sent,

    /// <summary>Will not be sent; <see cref="Delivery.LastError"/> says why.</summary>
    Failed,

    /// <summary>The request may have reached Kakao but no answer came back; not resent (see docs/decisions/0003).</summary>
    Unknown,

    /// <summary>
    /// A schedule fire recorded but never sent: missed while no Worker ran (older than the catch-up window), or fired while
    /// its account already had <see cref="DispatchOptions.MaxQueuedPerAccount"/> messages waiting.
    /// </summary>
    Skipped,
}
