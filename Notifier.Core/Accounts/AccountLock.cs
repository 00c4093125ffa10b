using Microsoft.EntityFrameworkCore;
using Notifier.Core.Data;

namespace Notifier.Core.Accounts;

/// <summary>
/// Locks one account row for the rest of the current transaction, across every process on the database:
/// <c>SELECT ... FOR UPDATE</c> on MariaDB; on SQLite (one process, one writer) a write that takes the database's write lock.
/// </summary>
internal static class AccountLock
{
    public static async Task<Account?> LockAsync(NotifierDbContext db, long accountId, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlAsync($"UPDATE accounts SET UpdatedAt = UpdatedAt WHERE Id = {accountId}", cancellationToken);
            return await db.Accounts.SingleOrDefaultAsync(a => a.Id == accountId, cancellationToken);
        }

        return await db.Accounts.FromSql($"SELECT * FROM accounts WHERE Id = {accountId} FOR UPDATE").SingleOrDefaultAsync(cancellationToken);
    }
}
