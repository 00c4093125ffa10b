using System.Diagnostics.Metrics;
using Notifier.Core.Accounts;
using Notifier.Core.Deliveries;

namespace Notifier.Core.Metrics;

/// <summary>
/// Gauges of the whole cluster, read from the database when scraped (meter <see cref="MeterName"/>), so one scrape of
/// the Api describes every Worker. Labels are statuses only. Names as Prometheus shows them:
/// <c>notifier_deliveries{status}</c>, <c>notifier_queue_oldest_age_seconds</c>, <c>notifier_accounts{status}</c>,
/// <c>notifier_refresh_token_min_days_left</c>, <c>notifier_database_up</c>.
/// </summary>
public sealed class ClusterGauges
{
    public const string MeterName = "Notifier.Cluster";

    public ClusterGauges(IMeterFactory meters, ClusterSnapshotCache cache)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("notifier.database.up", () => cache.Current() is null ? 0 : 1, null,
            "1 when the cluster gauges could be read from the database in this scrape, 0 when not (then they are absent)");
        meter.CreateObservableGauge("notifier.deliveries", () => Deliveries(cache.Current()), "{delivery}",
            "Deliveries by status: queued and sending now, the settled statuses settled in the last 24 h");
        meter.CreateObservableGauge("notifier.queue.oldest_age", () => OldestAge(cache.Current()), "s",
            "How long the oldest due queued delivery has waited (0 when none is due)");
        meter.CreateObservableGauge("notifier.accounts", () => Accounts(cache.Current()), "{account}",
            "Connected accounts by status");
        meter.CreateObservableGauge("notifier.refresh_token.min_days_left", () => MinDaysLeft(cache.Current()), null,
            "The least refresh-token lifetime left among active accounts, in days (absent without an active account)");
    }

    private static IEnumerable<Measurement<long>> Deliveries(ClusterSnapshot? snapshot) =>
        snapshot?.Deliveries.Select(d => new Measurement<long>(d.Value, new KeyValuePair<string, object?>("status", d.Key.ToName()))) ?? [];

    private static IEnumerable<Measurement<double>> OldestAge(ClusterSnapshot? snapshot) =>
        snapshot is null ? [] : [new Measurement<double>(snapshot.QueueOldestAgeSeconds)];

    private static IEnumerable<Measurement<long>> Accounts(ClusterSnapshot? snapshot) =>
        snapshot?.Accounts.Select(a => new Measurement<long>(a.Value, new KeyValuePair<string, object?>("status", a.Key.ToName()))) ?? [];

    private static IEnumerable<Measurement<double>> MinDaysLeft(ClusterSnapshot? snapshot) =>
        snapshot?.RefreshTokenMinDaysLeft is { } days ? [new Measurement<double>(days)] : [];
}
