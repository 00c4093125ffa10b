using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Notifier.Core;
using Notifier.Core.Data;
using Notifier.Core.Deliveries;

namespace Notifier.Api.Accounts;

/// <summary>Reads accounts with today's (Korean day) memo count against the daily cap.</summary>
internal sealed class AccountViews(NotifierDbContext db, TimeProvider time, IOptions<DispatchOptions> options)
{
    public async Task<List<AccountView>> ListAsync(long? onlyId, CancellationToken cancellationToken)
    {
        var today = KoreanTime.Day(time.GetUtcNow().UtcDateTime);
        var accounts = db.Accounts.AsNoTracking();
        if (onlyId is not null)
        {
            accounts = accounts.Where(a => a.Id == onlyId);
        }

        var rows = await accounts.OrderBy(a => a.Id).ToListAsync(cancellationToken);
        var ids = rows.Select(a => a.Id).ToList();
        var usage = await db.DailyUsage.AsNoTracking().Where(u => u.Day == today && ids.Contains(u.AccountId))
            .ToDictionaryAsync(u => u.AccountId, u => u.Count, cancellationToken);
        var cap = options.Value.DailyCap;
        return rows.Select(a => AccountView.From(a, Math.Min(usage.GetValueOrDefault(a.Id), cap), cap)).ToList();
    }

    public async Task<AccountView?> GetAsync(long id, CancellationToken cancellationToken) =>
        (await ListAsync(id, cancellationToken)).SingleOrDefault();
}
