namespace Notifier.Core.Deliveries;

/// <summary>An <c>Idempotency-Key</c> and the delivery its first request created, written in the same transaction.</summary>
public sealed class IdempotencyRecord
{
    /// <summary>Whose key it is (the API key that sent it): the same Idempotency-Key from two API keys is two requests.</summary>
    public string Scope { get; set; } = "";

    public string Key { get; set; } = "";

    /// <summary>SHA-256 of the request body (hex): the same key with another body is refused.</summary>
    public string RequestHash { get; set; } = "";

    public long DeliveryId { get; set; }

    public DateTime CreatedAt { get; set; }
}
