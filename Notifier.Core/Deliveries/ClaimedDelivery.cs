namespace Notifier.Core.Deliveries;

/// <summary>A delivery this dispatcher holds under a lease, with what it needs to send it.</summary>
/// <param name="LeaseUntil">When the lease taken with the claim runs out (by this dispatcher's clock).</param>
public sealed record ClaimedDelivery(long Id, long AccountId, string TemplateJson, int Attempts, DateOnly UsageDay, DateTime LeaseUntil);
