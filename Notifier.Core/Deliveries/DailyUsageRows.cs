using Microsoft.EntityFrameworkCore;
using Notifier.Core.Data;

namespace Notifier.Core.Deliveries;

/// <summary>The per-account, per-Korean-day memo counters the claim meters against the daily cap.</summary>
internal static class DailyUsageRows
{
    public static async Task<Dictionary<long, int>> LockAsync(
        NotifierDbContext db, IReadOnlyList<long> accountIds, DateOnly day, CancellationToken cancellationToken)
    {
        // An upsert that changes nothing: creates missing rows and, on MariaDB, takes their row locks at once.
        var values = string.Join(", ", accountIds.Select((_, i) => $"({{{i}}}, {{{accountIds.Count}}}, 0)"));
        var onConflict = db.Database.IsSqlite() ? "ON CONFLICT (AccountId, Day) DO NOTHING" : "ON DUPLICATE KEY UPDATE Count = Count";
        var parameters = accountIds.Cast<object>().Append(day).ToArray();
#pragma warning disable EF1002 // Only placeholders are interpolated; every value is a parameter.
        await db.Database.ExecuteSqlRawAsync($"INSERT INTO daily_usage (AccountId, Day, Count) VALUES {values} {onConflict}", parameters, cancellationToken);
#pragma warning restore EF1002
        return await db.DailyUsage.AsNoTracking().Where(u => u.Day == day && accountIds.Contains(u.AccountId))
            .ToDictionaryAsync(u => u.AccountId, u => u.Count, cancellationToken);
    }

    /// <summary>Adds each account's claimed memos to its counter, all in one statement.</summary>
    public static Task AddAsync(NotifierDbContext db, IReadOnlyDictionary<long, int> added, DateOnly day, CancellationToken cancellationToken)
    {
        var rows = added.Where(a => a.Value > 0).ToList();
        if (rows.Count == 0)
        {
            return Task.CompletedTask;
        }

        var values = string.Join(", ", rows.Select((_, i) => $"({{{2 * i}}}, {{{2 * rows.Count}}}, {{{2 * i + 1}}})"));
        var onConflict = db.Database.IsSqlite()
            ? "ON CONFLICT (AccountId, Day) DO UPDATE SET Count = Count + excluded.Count"
            : "ON DUPLICATE KEY UPDATE Count = Count + VALUES(Count)";
        var parameters = rows.SelectMany(r => new object[] { r.Key, r.Value }).Append(day).ToArray();
#pragma warning disable EF1002 // Only placeholders are interpolated; every value is a parameter.
        return db.Database.ExecuteSqlRawAsync($"INSERT INTO daily_usage (AccountId, Day, Count) VALUES {values} {onConflict}", parameters, cancellationToken);
#pragma warning restore EF1002
    }

    /// <summary>Gives back one unit a claim took for a memo that did not go out.</summary>
    public static Task ReleaseAsync(NotifierDbContext db, long accountId, DateOnly day, CancellationToken cancellationToken) =>
        db.DailyUsage.Where(u => u.AccountId == accountId && u.Day == day)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.Count, x => x.Count > 0 ? x.Count - 1 : 0), cancellationToken);
}
