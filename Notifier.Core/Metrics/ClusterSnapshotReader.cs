using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Notifier.Core.Accounts;
using Notifier.Core.Data;
using Notifier.Core.Deliveries;

namespace Notifier.Core.Metrics;

/// <summary>Reads a <see cref="ClusterSnapshot"/> with one statement (<see cref="ClusterSnapshotQuery"/>).</summary>
public sealed class ClusterSnapshotReader(IServiceScopeFactory scopes, TimeProvider time)
{
    /// <summary>Settled deliveries count for this long after they settled.</summary>
    public static readonly TimeSpan SettledWindow = TimeSpan.FromHours(24);

    public async Task<ClusterSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        List<ClusterSnapshotRow> rows;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NotifierDbContext>();
            rows = await db.Database.SqlQuery<ClusterSnapshotRow>(ClusterSnapshotQuery.For(now - SettledWindow)).ToListAsync(cancellationToken);
        }

        var deliveries = Enum.GetValues<DeliveryStatus>().ToDictionary(s => s, _ => 0L);
        var accounts = Enum.GetValues<AccountStatus>().ToDictionary(s => s, _ => 0L);
        double oldestAge = 0;
        double? minDaysLeft = null;
        foreach (var row in rows)
        {
            var earliest = row.Earliest is { } e ? DateTime.SpecifyKind(e, DateTimeKind.Utc) : (DateTime?)null;
            if (row.Kind == "delivery" && DeliveryStatusNames.TryParse(row.Name, out var delivery))
            {
                deliveries[delivery] = row.Count;
                if (delivery == DeliveryStatus.Queued && earliest < now)
                {
                    // The earliest DueAt of all queued rows: when it is past, that row is the oldest one due.
                    oldestAge = (now - earliest.Value).TotalSeconds;
                }
            }
            else if (row.Kind == "account" && TryParseAccount(row.Name, out var account))
            {
                accounts[account] = row.Count;
                if (account == AccountStatus.Active && earliest is { } expiry)
                {
                    minDaysLeft = Math.Round((expiry - now).TotalDays, 3);
                }
            }
        }

        return new ClusterSnapshot(deliveries, oldestAge, accounts, minDaysLeft);
    }

    private static bool TryParseAccount(string name, out AccountStatus status)
    {
        foreach (var candidate in Enum.GetValues<AccountStatus>())
        {
            if (candidate.ToName() == name)
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }
}
