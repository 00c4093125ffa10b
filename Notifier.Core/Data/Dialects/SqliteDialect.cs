using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Notifier.Core.Accounts;
using Notifier.Core.Deliveries;
using Notifier.Core.Schedules;

#pragma warning disable EF1002 // Only names from the EF model are interpolated into the SQL; every value is a parameter.

namespace Notifier.Core.Data.Dialects;

/// <summary>
/// SQLite, the embedded default: one process, one writer at a time, no row locks. A transaction's first write takes the
/// database's write lock, so "holding" a row means writing to it; claims need no SKIP LOCKED because this single
/// process claims with one claimer at a time (<see cref="SkipsLockedRows"/> is false), and a second process on the
/// same file waits for the write lock instead of taking the same rows.
/// </summary>
public sealed class SqliteDialect(NotifierDbContext db) : DatabaseDialect(db)
{
    public override bool SkipsLockedRows => false;

    public override Task<IDbContextTransaction> BeginClaimTransactionAsync(CancellationToken cancellationToken) =>
        Db.Database.BeginTransactionAsync(cancellationToken);

    // One writer at a time: no other writer's insert to lose to.
    public override IExecutionStrategy IntakeStrategy() => Db.Database.CreateExecutionStrategy();

    // One lane, one writer: nothing to set.
    public override void PrepareIntakeConnection()
    {
    }

    public override async Task<bool> CreateNewDatabaseAsync(CancellationToken cancellationToken)
    {
        var connection = Db.Database.GetDbConnection();
        await Db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using (var tables = connection.CreateCommand())
            {
                tables.CommandText = "SELECT COUNT(*) FROM sqlite_master";
                if (Convert.ToInt64(await tables.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) != 0)
                {
                    return false;
                }
            }

            // EF's script as it stands: each migration in its own transaction with its history row, as Migrate does.
            await using var create = connection.CreateCommand();
            create.CommandText = NewDatabaseScript.Sqlite;
            await create.ExecuteNonQueryAsync(cancellationToken);
            return true;
        }
        finally
        {
            await Db.Database.CloseConnectionAsync();
        }
    }

    public override async Task<Account?> LockAccountAsync(long accountId, CancellationToken cancellationToken)
    {
        await TakeWriteLockAsync(AccountTable.Table, AccountTable[nameof(Account.UpdatedAt)], AccountTable[nameof(Account.Id)], accountId, cancellationToken);
        return await Db.Accounts.SingleOrDefaultAsync(x => x.Id == accountId, cancellationToken);
    }

    public override async Task<Schedule?> LockScheduleAsync(long scheduleId, CancellationToken cancellationToken)
    {
        await TakeWriteLockAsync(ScheduleTable.Table, ScheduleTable[nameof(Schedule.UpdatedAt)], ScheduleTable[nameof(Schedule.Id)], scheduleId, cancellationToken);
        return await Db.Schedules.SingleOrDefaultAsync(x => x.Id == scheduleId, cancellationToken);
    }

    public override Task<List<Schedule>> ClaimDueSchedulesAsync(DateTime horizon, int limit, CancellationToken cancellationToken) =>
        Db.Schedules.Where(s => s.Enabled && s.NextFireTime <= horizon)
            .OrderBy(s => s.NextFireTime).Take(limit).ToListAsync(cancellationToken);

    public override Task<List<Delivery>> ClaimDueDeliveriesAsync(DeliveryStatus status, DateTime now, int limit, CancellationToken cancellationToken) =>
        Db.Deliveries.AsNoTracking().Where(d => d.Status == status && d.DueAt <= now)
            .OrderBy(d => d.DueAt).Take(limit).ToListAsync(cancellationToken);

    public override Task<List<Delivery>> ClaimDueDeliveriesInTurnsAsync(DateTime now, int limit, CancellationToken cancellationToken)
    {
        var d = DeliveryTable;
        var (id, due) = (d[nameof(Delivery.Id)], d[nameof(Delivery.DueAt)]);
        return Db.Deliveries.FromSqlRaw($$"""
            SELECT * FROM {{d.Table}} WHERE {{id}} IN (
              SELECT Id FROM (
                SELECT {{id}} AS Id, {{due}} AS DueAt, ROW_NUMBER() OVER (PARTITION BY {{d[nameof(Delivery.AccountId)]}} ORDER BY {{due}}, {{id}}) AS Turn
                FROM {{d.Table}} WHERE {{d[nameof(Delivery.Status)]}} = {0} AND {{due}} <= {1}
              ) ORDER BY Turn, DueAt, Id LIMIT {2})
            """, DeliveryStatus.Queued.ToName(), now, limit).AsNoTracking().ToListAsync(cancellationToken);
    }

    public override Task<List<long>> ClaimAccountsForUpkeepAsync(DateTime expiringBefore, DateTime notTouchedSince, int limit, CancellationToken cancellationToken) =>
        Db.Accounts
            .Where(a => a.Status == AccountStatus.Active && a.RefreshTokenExpiresAt < expiringBefore && (a.LastUpkeepAt == null || a.LastUpkeepAt < notTouchedSince))
            .OrderBy(a => a.RefreshTokenExpiresAt).Select(a => a.Id).Take(limit).ToListAsync(cancellationToken);

    public override Task LockDailyUsageRowsAsync(IReadOnlyList<long> accountIds, DateOnly day, CancellationToken cancellationToken)
    {
        var (values, parameters) = DailyUsageValues(accountIds.Select(id => KeyValuePair.Create(id, 0)).ToList(), day);
        var u = UsageTable;
        return Db.Database.ExecuteSqlRawAsync(
            $"INSERT INTO {u.Table} ({u[nameof(DailyUsage.AccountId)]}, {u[nameof(DailyUsage.Day)]}, {u[nameof(DailyUsage.Count)]}) VALUES {values} " +
            $"ON CONFLICT ({u[nameof(DailyUsage.AccountId)]}, {u[nameof(DailyUsage.Day)]}) DO NOTHING",
            parameters, cancellationToken);
    }

    public override Task AddDailyUsageAsync(IReadOnlyList<KeyValuePair<long, int>> counts, DateOnly day, CancellationToken cancellationToken)
    {
        var (values, parameters) = DailyUsageValues(counts, day);
        var u = UsageTable;
        var count = u[nameof(DailyUsage.Count)];
        return Db.Database.ExecuteSqlRawAsync(
            $"INSERT INTO {u.Table} ({u[nameof(DailyUsage.AccountId)]}, {u[nameof(DailyUsage.Day)]}, {count}) VALUES {values} " +
            $"ON CONFLICT ({u[nameof(DailyUsage.AccountId)]}, {u[nameof(DailyUsage.Day)]}) DO UPDATE SET {count} = {count} + excluded.{count}",
            parameters, cancellationToken);
    }

    /// <summary>A write that changes nothing: the transaction holds the database's write lock from here on.</summary>
    private Task TakeWriteLockAsync(string table, string column, string key, long id, CancellationToken cancellationToken) =>
        Db.Database.ExecuteSqlRawAsync($"UPDATE {table} SET {column} = {column} WHERE {key} = {{0}}", [id], cancellationToken);
}
