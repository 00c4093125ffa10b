using Microsoft.EntityFrameworkCore;
using Notifier.Core.Data;

namespace Notifier.Core.Deliveries;

/// <summary>The per-account, per-Korean-day memo counters the claim meters against the daily cap.</summary>
internal static class DailyUsageRows
{
    /// <summary>Holds these accounts' counters for <paramref name="day"/> (creating missing ones) and returns their counts.</summary>
    public static async Task<Dictionary<long, int>> LockAsync(
        NotifierDbContext db, IReadOnlyList<long> accountIds, DateOnly day, CancellationToken cancellationToken)
    {
        await db.Dialect.LockDailyUsageRowsAsync(accountIds, day, cancellationToken);
        return await db.DailyUsage.AsNoTracking().Where(u => u.Day == day && accountIds.Contains(u.AccountId))
            .ToDictionaryAsync(u => u.AccountId, u => u.Count, cancellationToken);
    }

    /// <summary>Adds each account's claimed memos to its counter, all in one statement.</summary>
    public static Task AddAsync(NotifierDbContext db, IReadOnlyDictionary<long, int> added, DateOnly day, CancellationToken cancellationToken)
    {
        var rows = added.Where(a => a.Value > 0).ToList();
        return rows.Count == 0 ? Task.CompletedTask : db.Dialect.AddDailyUsageAsync(rows, day, cancellationToken);
    }

    /// <summary>Gives back one unit a claim took for a memo that did not go out.</summary>
    public static Task ReleaseAsync(NotifierDbContext db, long accountId, DateOnly day, CancellationToken cancellationToken) =>
        db.DailyUsage.Where(u => u.AccountId == accountId && u.Day == day)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.Count, x => x.Count > 0 ? x.Count - 1 : 0), cancellationToken);
}
