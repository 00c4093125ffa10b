using Microsoft.EntityFrameworkCore;
using Notifier.Core.Data;

namespace Notifier.Core.Accounts;

/// <summary>Which account a request means: the one given, or the only one connected when none is given.</summary>
public static class AccountChoice
{
    /// <summary>The account's id and status, or why there is none.</summary>
    public static async Task<(long Id, AccountStatus Status)?> ResolveAsync(
        NotifierDbContext db, long? accountId, Action<string> refuse, CancellationToken cancellationToken)
    {
        if (accountId is null)
        {
            var ids = await db.Accounts.AsNoTracking().Select(a => a.Id).Take(2).ToListAsync(cancellationToken);
            if (ids.Count != 1)
            {
                refuse(ids.Count == 0
                    ? "No KakaoTalk account is connected yet: connect one on Notifier's home page."
                    : "Several accounts are connected: give 'accountId'.");
                return null;
            }

            accountId = ids[0];
        }

        var status = await db.Accounts.AsNoTracking().Where(a => a.Id == accountId)
            .Select(a => (AccountStatus?)a.Status).SingleOrDefaultAsync(cancellationToken);
        if (status is null)
        {
            refuse($"There is no account {accountId}.");
            return null;
        }

        return (accountId.Value, status.Value);
    }
}
