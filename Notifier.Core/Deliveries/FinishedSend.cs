namespace Notifier.Core.Deliveries;

/// <summary>A send that came to an outcome and waits to be recorded.</summary>
public sealed record FinishedSend(ClaimedDelivery Delivery, SendOutcome Outcome);
