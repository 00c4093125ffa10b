namespace Notifier.Core.Deliveries;

/// <summary>
/// A request to queue a message, validated on the request thread and handed to the group committer: everything the
/// delivery row, its Idempotency-Key and an integration's rows need. <see cref="AccountId"/> null means "the only account".
/// </summary>
public sealed record IntakeRow(
    long? AccountId,
    string TemplateJson,
    string? IdempotencyKey,
    string Scope,
    string RequestHash,
    long? ScheduleId,
    DateTime? FireTime,
    string? RequestedBy,
    DeliveryExtras? Extras)
{
    internal (string Scope, string Key)? KeyOf => IdempotencyKey is null ? null : (Scope, IdempotencyKey);
}
