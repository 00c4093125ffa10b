using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Notifier.Core.Data;

public static class TransactionExtensions
{
    /// <summary>
    /// Runs <paramref name="work"/> in one transaction under the provider's execution strategy, so a transient failure
    /// (a dropped connection, a deadlock) runs the whole of it again; every attempt starts with an empty change tracker.
    /// The transaction commits when <paramref name="work"/> returns and rolls back when it throws.
    /// <paramref name="begin"/> opens a transaction of another kind (the dialect's claim transaction).
    /// </summary>
    public static Task<T> InTransactionAsync<T>(
        this NotifierDbContext db,
        Func<CancellationToken, Task<T>> work,
        CancellationToken cancellationToken,
        Func<CancellationToken, Task<IDbContextTransaction>>? begin = null)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = begin is null ? await db.Database.BeginTransactionAsync(ct) : await begin(ct);
            var result = await work(ct);
            await transaction.CommitAsync(ct);
            return result;
        }, cancellationToken);
    }
}
