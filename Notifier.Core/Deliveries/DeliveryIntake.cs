namespace Notifier.Core.Deliveries;

/// <summary>
/// Puts a message in the outbox: the delivery row and its Idempotency-Key (and an integration's rows) are committed by
/// this process's <see cref="IntakeCommitter"/>, with other requests' rows in one insert, before any answer leaves;
/// the committer then wakes this process's dispatcher.
/// </summary>
public sealed class DeliveryIntake(IntakeCommitter committer)
{
    /// <summary>
    /// Queues a message. <paramref name="requester"/> is the API key that asked (null for the owner pages and schedule
    /// fires): its <see cref="IntakeRequester.Name"/> is recorded on the delivery, and an Idempotency-Key counts within
    /// its <see cref="IntakeRequester.Scope"/> only.
    /// </summary>
    public Task<IntakeResult> EnqueueAsync(
        long? accountId, string templateJson, string? idempotencyKey, string requestHash, CancellationToken cancellationToken,
        long? scheduleId = null, DateTime? fireTime = null, IntakeRequester? requester = null, DeliveryExtras? extras = null)
    {
        // Once handed over the row is stored whatever the caller does: a request that went away is not answered, not undone.
        _ = cancellationToken;
        return committer.SubmitAsync(new IntakeRow(accountId, templateJson, idempotencyKey, requester?.Scope ?? "", requestHash, scheduleId, fireTime, requester?.Name, extras));
    }
}
