using Notifier.Core.Integrations;

namespace Notifier.Core.Deliveries;

/// <summary>
/// What an integration stores with its delivery, in the same transaction: the topic, the whole-message page, the
/// redirects of its foreign links; and how long its Idempotency-Key holds (null: as long as the record is kept).
/// </summary>
public sealed record DeliveryExtras(
    string? Topic,
    MessagePageRecord? Page = null,
    IReadOnlyList<LinkRedirect>? Redirects = null,
    TimeSpan? KeyWindow = null)
{
    internal bool HasRows => Page is not null || Redirects is { Count: > 0 };
}
