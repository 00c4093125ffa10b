namespace Notifier.Core.Deliveries;

/// <summary>A delivery this dispatcher holds under a lease, with what it needs to send it.</summary>
public sealed record ClaimedDelivery(long Id, long AccountId, string TemplateJson, int Attempts, DateOnly UsageDay);
