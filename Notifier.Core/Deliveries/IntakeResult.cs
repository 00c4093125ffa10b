namespace Notifier.Core.Deliveries;

/// <summary>What became of a request to send a message.</summary>
public abstract record IntakeResult
{
    /// <summary>Stored as a new delivery.</summary>
    public sealed record Accepted(Delivery Delivery) : IntakeResult;

    /// <summary>The same Idempotency-Key and body came before: its delivery, nothing new stored.</summary>
    public sealed record Replayed(Delivery Delivery) : IntakeResult;

    /// <summary>The Idempotency-Key was used with another body.</summary>
    public sealed record KeyReused : IntakeResult;

    /// <summary>The first request with this Idempotency-Key is still being stored.</summary>
    public sealed record KeyInFlight : IntakeResult;

    /// <summary>No account to send to (none given and not exactly one connected, or an unknown id).</summary>
    public sealed record NoAccount(string Why) : IntakeResult;

    /// <summary>The account already has <paramref name="Max"/> messages waiting (<see cref="DispatchOptions.MaxQueuedPerAccount"/>); nothing stored.</summary>
    public sealed record QueueFull(long AccountId, int Max) : IntakeResult;

    /// <summary>Storing it failed (its group, then alone): not acknowledged, and the caller should retry (with its Idempotency-Key).</summary>
    public sealed record NotStored : IntakeResult;

    /// <summary>The account cannot be sent for until its owner connects again.</summary>
    public sealed record AccountInactive(long AccountId, string Status) : IntakeResult;
}
