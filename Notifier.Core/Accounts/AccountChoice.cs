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
        accountId ??= await OnlyAsync(db, refuse, cancellationToken);
        if (accountId is null)
        {
            return null;
        }

        var status = await db.Accounts.AsNoTracking().Where(a => a.Id == accountId)
            .Select(a => (AccountStatus?)a.Status).SingleOrDefaultAsync(cancellationToken);
        if (status is null)
        {
            refuse(Unknown(accountId.Value));
            return null;
        }

        return (accountId.Value, status.Value);
    }

    /// <summary>The id of the only account, or null (and why) when there are none or several.</summary>
    public static async Task<long?> OnlyAsync(NotifierDbContext db, Action<string> refuse, CancellationToken cancellationToken)
    {
        var ids = await db.Accounts.AsNoTracking().Select(a => a.Id).Take(2).ToListAsync(cancellationToken);
        if (ids.Count == 1)
        {
            return ids[0];
        }

        refuse(ids.Count == 0
            ? "No KakaoTalk account is connected yet: connect one on Notifier's home page."
            : "Several accounts are connected: give 'accountId'.");
        return null;
    }

    /// <summary>Why an account id given by the caller is refused when it does not exist.</summary>
    public static string Unknown(long accountId) => $"There is no account {accountId}.";
}
