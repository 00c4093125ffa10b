using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Notifier.Core.Accounts;
using Notifier.Core.Deliveries;
using Notifier.Core.Schedules;

#pragma warning disable EF1002 // Only names from the EF model are interpolated into the SQL; every value is a parameter.

namespace Notifier.Core.Data.Dialects;

/// <summary>
/// MariaDB (10.6+): row locks with <c>SELECT ... FOR UPDATE [SKIP LOCKED]</c>, so any number of processes claim disjoint
/// rows. The locking selects are not composed with LINQ: EF would wrap them in a derived table, where the locking
/// clause does not apply.
/// </summary>
public sealed class MariaDbDialect(NotifierDbContext db) : DatabaseDialect(db)
{
    public override bool SkipsLockedRows => true;

    // Under repeatable read the lease UPDATE ('WHERE Id IN (...)', planned as a scan of the primary key on a small table)
    // kept a lock on every row it read, so a concurrent claim skipped them all.
    public override Task<IDbContextTransaction> BeginClaimTransactionAsync(CancellationToken cancellationToken) =>
        Db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);

    // A new MariaDB database is migrated by EF: its DDL is not transactional, so a script stopped half way would leave
    // what EF's migrations could not take up, and its start time is not the newcomer's first one.
    public override Task<bool> CreateNewDatabaseAsync(CancellationToken cancellationToken) => Task.FromResult(false);

    public override IExecutionStrategy IntakeStrategy() => new MariaDbDeadlockRetry(Db);

    // Read committed: the group insert's queue count is then a consistent read. Under repeatable read InnoDB took a
    // shared next-key lock on every row it counted, so the two lanes' inserts waited on each other's gaps (p99 109 ms,
    // 3,331/s against 4,484/s with one lane), and one lane spent a fifth more of the server's CPU per row on the locks.
    // An account's groups are stored one at a time by its lane, so within a process the count is still exact.
    public override void PrepareIntakeConnection() =>
        Db.Database.ExecuteSqlRaw("SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED");

    public override Task<Account?> LockAccountAsync(long accountId, CancellationToken cancellationToken) =>
        Db.Accounts.FromSqlRaw($"SELECT * FROM {AccountTable.Table} WHERE {AccountTable[nameof(Account.Id)]} = {{0}} FOR UPDATE", accountId)
            .SingleOrDefaultAsync(cancellationToken);

    public override Task<Schedule?> LockScheduleAsync(long scheduleId, CancellationToken cancellationToken) =>
        Db.Schedules.FromSqlRaw($"SELECT * FROM {ScheduleTable.Table} WHERE {ScheduleTable[nameof(Schedule.Id)]} = {{0}} FOR UPDATE", scheduleId)
            .SingleOrDefaultAsync(cancellationToken);

    public override Task<List<Schedule>> ClaimDueSchedulesAsync(DateTime horizon, int limit, CancellationToken cancellationToken)
    {
        var s = ScheduleTable;
        return Db.Schedules.FromSqlRaw($$"""
            SELECT * FROM {{s.Table}}
            WHERE {{s[nameof(Schedule.Enabled)]}} AND {{s[nameof(Schedule.NextFireTime)]}} <= {0}
            ORDER BY {{s[nameof(Schedule.NextFireTime)]}} LIMIT {1}
            FOR UPDATE SKIP LOCKED
            """, horizon, limit).ToListAsync(cancellationToken);
    }

    // One (Status, DueAt) index range walked in order, stopping after the batch and locking only what it returns. With
    // 'Status IN (...)', or when most rows are due and the optimizer prefers a table scan, InnoDB read and sorted every
    // due row and locked them all: one claim held the whole backlog and a concurrent dispatcher got nothing.
    public override Task<List<Delivery>> ClaimDueDeliveriesAsync(DeliveryStatus status, DateTime now, int limit, CancellationToken cancellationToken)
    {
        var d = DeliveryTable;
        return Db.Deliveries.FromSqlRaw($$"""
            SELECT * FROM {{d.Table}} FORCE INDEX ({{d.Index(nameof(Delivery.Status), nameof(Delivery.DueAt))}})
            WHERE {{d[nameof(Delivery.Status)]}} = {0} AND {{d[nameof(Delivery.DueAt)]}} <= {1}
            ORDER BY {{d[nameof(Delivery.DueAt)]}} LIMIT {2}
            FOR UPDATE SKIP LOCKED
            """, status.ToName(), now, limit).AsNoTracking().ToListAsync(cancellationToken);
    }

    // Two steps, because InnoDB cannot stop a window query early: a plain read ranks the due rows in turns across
    // accounts (the (Status, DueAt) range, no locks), then a locking read by primary key holds the page's rows, skipping
    // what a concurrent claimer holds. Both claimers rank the same rows first; the one that finds them held ranks again
    // without them (a few passes at most), so two claims at once still take two disjoint pages.
    public override async Task<List<Delivery>> ClaimDueDeliveriesInTurnsAsync(DateTime now, int limit, CancellationToken cancellationToken)
    {
        var claimed = new List<Delivery>();
        var heldElsewhere = new List<long>();
        for (var pass = 0; pass < 4 && claimed.Count < limit; pass++)
        {
            var wanted = limit - claimed.Count;
            var candidates = await RankInTurnsAsync(now, wanted, [.. claimed.Select(c => c.Id), .. heldElsewhere], cancellationToken);
            if (candidates.Count == 0)
            {
                break;
            }

            var held = await HoldDueAsync(candidates, now, cancellationToken);
            claimed.AddRange(held);
            if (candidates.Count < wanted)
            {
                break; // nothing due beyond these
            }

            heldElsewhere.AddRange(candidates.Except(held.Select(h => h.Id)));
        }

        return claimed;
    }

    private Task<List<long>> RankInTurnsAsync(DateTime now, int limit, IReadOnlyList<long> except, CancellationToken cancellationToken)
    {
        var d = DeliveryTable;
        var (id, due) = (d[nameof(Delivery.Id)], d[nameof(Delivery.DueAt)]);
        var notIn = except.Count == 0 ? "" : $" AND {id} NOT IN ({Placeholders(3, except.Count)})";
        return Db.Database.SqlQueryRaw<long>($$"""
            SELECT Id AS Value FROM (
              SELECT {{id}} AS Id, {{due}} AS DueAt, ROW_NUMBER() OVER (PARTITION BY {{d[nameof(Delivery.AccountId)]}} ORDER BY {{due}}, {{id}}) AS Turn
              FROM {{d.Table}} FORCE INDEX ({{d.Index(nameof(Delivery.Status), nameof(Delivery.DueAt))}})
              WHERE {{d[nameof(Delivery.Status)]}} = {0} AND {{due}} <= {1}{{notIn}}
            ) due ORDER BY Turn, DueAt, Id LIMIT {2}
            """, [DeliveryStatus.Queued.ToName(), now, limit, .. except.Cast<object>()]).ToListAsync(cancellationToken);
    }

    private Task<List<Delivery>> HoldDueAsync(IReadOnlyList<long> ids, DateTime now, CancellationToken cancellationToken)
    {
        var d = DeliveryTable;
        return Db.Deliveries.FromSqlRaw($$"""
            SELECT * FROM {{d.Table}}
            WHERE {{d[nameof(Delivery.Id)]}} IN ({{Placeholders(2, ids.Count)}}) AND {{d[nameof(Delivery.Status)]}} = {0} AND {{d[nameof(Delivery.DueAt)]}} <= {1}
            FOR UPDATE SKIP LOCKED
            """, [DeliveryStatus.Queued.ToName(), now, .. ids.Cast<object>()]).AsNoTracking().ToListAsync(cancellationToken);
    }

    private static string Placeholders(int first, int count) => string.Join(", ", Enumerable.Range(first, count).Select(i => $"{{{i}}}"));

    public override async Task<List<long>> ClaimAccountsForUpkeepAsync(DateTime expiringBefore, DateTime notTouchedSince, int limit, CancellationToken cancellationToken)
    {
        var a = AccountTable;
        var rows = await Db.Accounts.FromSqlRaw($$"""
            SELECT * FROM {{a.Table}}
            WHERE {{a[nameof(Account.Status)]}} = {0} AND {{a[nameof(Account.RefreshTokenExpiresAt)]}} < {1}
              AND ({{a[nameof(Account.LastUpkeepAt)]}} IS NULL OR {{a[nameof(Account.LastUpkeepAt)]}} < {2})
            ORDER BY {{a[nameof(Account.RefreshTokenExpiresAt)]}} LIMIT {3}
            FOR UPDATE SKIP LOCKED
            """, AccountStatus.Active.ToName(), expiringBefore, notTouchedSince, limit).AsNoTracking().ToListAsync(cancellationToken);
        return rows.Select(r => r.Id).ToList();
    }

    // An upsert that changes nothing: creates the missing rows and takes every row's lock at once.
    public override Task LockDailyUsageRowsAsync(IReadOnlyList<long> accountIds, DateOnly day, CancellationToken cancellationToken)
    {
        var (values, parameters) = DailyUsageValues(accountIds.Select(id => KeyValuePair.Create(id, 0)).ToList(), day);
        var u = UsageTable;
        return Db.Database.ExecuteSqlRawAsync(
            $"INSERT INTO {u.Table} ({u[nameof(DailyUsage.AccountId)]}, {u[nameof(DailyUsage.Day)]}, {u[nameof(DailyUsage.Count)]}) VALUES {values} " +
            $"ON DUPLICATE KEY UPDATE {u[nameof(DailyUsage.Count)]} = {u[nameof(DailyUsage.Count)]}",
            parameters, cancellationToken);
    }

    public override Task AddDailyUsageAsync(IReadOnlyList<KeyValuePair<long, int>> counts, DateOnly day, CancellationToken cancellationToken)
    {
        var (values, parameters) = DailyUsageValues(counts, day);
        var u = UsageTable;
        var count = u[nameof(DailyUsage.Count)];
        return Db.Database.ExecuteSqlRawAsync(
            $"INSERT INTO {u.Table} ({u[nameof(DailyUsage.AccountId)]}, {u[nameof(DailyUsage.Day)]}, {count}) VALUES {values} " +
            $"ON DUPLICATE KEY UPDATE {count} = {count} + VALUES({count})",
            parameters, cancellationToken);
    }
}
