using Microsoft.EntityFrameworkCore;
using Notifier.Core.Data;

namespace Notifier.Core.Accounts;

/// <summary>
/// At most one refresh asked through the API per account per <see cref="Period"/>, so no caller can burn Kakao's
/// token-issuance limits. Held by the database (one conditional UPDATE), so it holds across every Api process.
/// </summary>
public sealed class ManualRefreshCooldown(NotifierDbContext db, TimeProvider time)
{
    public static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Takes the account's refresh slot: null when the caller may refresh now (the slot is taken), else how long until
    /// the next one. Only one of several concurrent callers gets the slot: the row's UPDATE decides.
    /// </summary>
    public async Task<TimeSpan?> TryTakeAsync(long accountId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var openedBefore = now - Period;
        var taken = await db.Accounts
            .Where(a => a.Id == accountId && (a.LastManualRefreshAt == null || a.LastManualRefreshAt <= openedBefore))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.LastManualRefreshAt, now), cancellationToken);
        if (taken == 1)
        {
            return null;
        }

        var last = await db.Accounts.AsNoTracking().Where(a => a.Id == accountId).Select(a => a.LastManualRefreshAt).SingleOrDefaultAsync(cancellationToken);
        var wait = (last ?? now) + Period - now;
        return wait > TimeSpan.Zero ? wait : TimeSpan.FromSeconds(1);
    }
}
