using Notifier.Core.Accounts;
using Notifier.Core.Deliveries;

namespace Notifier.Core.Metrics;

/// <summary>What the whole cluster's database says at one moment: aggregate counts only, nothing per account.</summary>
/// <param name="Deliveries">Every status, 0 when none: queued and sending rows now; the settled ones of the last 24 h.</param>
/// <param name="QueueOldestAgeSeconds">How long the oldest due queued delivery has waited; 0 when none is due.</param>
/// <param name="Accounts">Every status, 0 when none.</param>
/// <param name="RefreshTokenMinDaysLeft">The least refresh-token lifetime left among active accounts; null without one.</param>
public sealed record ClusterSnapshot(
    IReadOnlyDictionary<DeliveryStatus, long> Deliveries,
    double QueueOldestAgeSeconds,
    IReadOnlyDictionary<AccountStatus, long> Accounts,
    double? RefreshTokenMinDaysLeft);
