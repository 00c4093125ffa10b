namespace Notifier.Core.Deliveries;

/// <summary>
/// The API key a message was asked for by: <see cref="Name"/> is what the delivery log shows (never the key itself),
/// <see cref="Scope"/> is unique among all keys and bounds where an Idempotency-Key counts.
/// </summary>
public sealed record IntakeRequester(string Name, string Scope);
