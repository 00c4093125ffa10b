using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Notifier.Core.Accounts;
using Notifier.Core.Deliveries;

namespace Notifier.Core.Data.Dialects;

/// <summary>
/// The group committer's one statement, the same on MariaDB (10.5+) and SQLite (3.35+): <c>INSERT … SELECT … FROM
/// (SELECT … UNION ALL SELECT …) v WHERE the account is active AND its queue has room … ORDER BY v.N RETURNING Id,
/// AccountId</c>. The account check and the queue cap ride in the insert, so an accepted group costs one round trip.
/// It runs as a plain ADO.NET command on the context's connection and transaction, not through EF's raw-SQL query: each
/// group size is a different SQL text, and EF compiles (and JIT-compiles a reader for) every new text it sees, which
/// cost more CPU than the rest of the intake together (BENCHMARKS.md, run 13).
/// </summary>
internal static class GroupInsert
{
    public static async Task<List<InsertedDelivery>> RunAsync(NotifierDbContext db, IReadOnlyList<QueuedRow> rows, DateTime now, int cap, CancellationToken cancellationToken)
    {
        var (sql, parameters) = Statement(db, rows, now, cap);
        await db.Database.OpenConnectionAsync(cancellationToken); // counted: the committer's open connection stays open
        try
        {
            await using var command = Command(db, sql, parameters);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var inserted = new List<InsertedDelivery>(rows.Count);
            while (await reader.ReadAsync(cancellationToken))
            {
                inserted.Add(new InsertedDelivery(reader.GetInt64(0), reader.GetInt64(1)));
            }

            return inserted;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary><see cref="RunAsync"/> with synchronous I/O, for the intake committer's own thread.</summary>
    public static List<InsertedDelivery> Run(NotifierDbContext db, IReadOnlyList<QueuedRow> rows, DateTime now, int cap)
    {
        var (sql, parameters) = Statement(db, rows, now, cap);
        db.Database.OpenConnection();
        try
        {
            using var command = Command(db, sql, parameters);
            using var reader = command.ExecuteReader();
            var inserted = new List<InsertedDelivery>(rows.Count);
            while (reader.Read())
            {
                inserted.Add(new InsertedDelivery(reader.GetInt64(0), reader.GetInt64(1)));
            }

            return inserted;
        }
        finally
        {
            db.Database.CloseConnection();
        }
    }

    private static (string Sql, List<object?> Parameters) Statement(NotifierDbContext db, IReadOnlyList<QueuedRow> rows, DateTime now, int cap)
    {
        var d = new TableNames<Delivery>(db);
        var a = new TableNames<Account>(db);
        string Col(string property) => d[property];
        // @p0 queued, @p1 sending, @p2 now, @p3 active; each row's values follow, six apiece.
        var parameters = new List<object?> { DeliveryStatus.Queued.ToName(), DeliveryStatus.Sending.ToName(), now, AccountStatus.Active.ToName() };
        var values = new StringBuilder();
        var turns = new Dictionary<long, int>();
        for (var n = 0; n < rows.Count; n++)
        {
            var row = rows[n];
            // K: how many earlier rows of this group are for the same account, so the cap counts them too.
            var k = turns.GetValueOrDefault(row.AccountId);
            turns[row.AccountId] = k + 1;
            var p = parameters.Count;
            if (n == 0)
            {
                values.Append(CultureInfo.InvariantCulture, $"SELECT {n} AS N, {k} AS K, @p{p} AS A, @p{p + 1} AS T, @p{p + 2} AS S, @p{p + 3} AS F, @p{p + 4} AS P, @p{p + 5} AS R");
            }
            else
            {
                values.Append(CultureInfo.InvariantCulture, $" UNION ALL SELECT {n}, {k}, @p{p}, @p{p + 1}, @p{p + 2}, @p{p + 3}, @p{p + 4}, @p{p + 5}");
            }

            parameters.AddRange([row.AccountId, row.TemplateJson, row.ScheduleId, row.FireTime, row.Topic, row.RequestedBy]);
        }

        var (accountId, status) = (Col(nameof(Delivery.AccountId)), Col(nameof(Delivery.Status)));
        var sql = $$"""
            INSERT INTO {{d.Table}} ({{accountId}}, {{status}}, {{Col(nameof(Delivery.TemplateJson))}}, {{Col(nameof(Delivery.Attempts))}}, {{Col(nameof(Delivery.CreatedAt))}}, {{Col(nameof(Delivery.DueAt))}}, {{Col(nameof(Delivery.ScheduleId))}}, {{Col(nameof(Delivery.FireTime))}}, {{Col(nameof(Delivery.Topic))}}, {{Col(nameof(Delivery.RequestedBy))}})
            SELECT v.A, @p0, v.T, 0, @p2, @p2, v.S, v.F, v.P, v.R
            FROM ({{values}}) v
            WHERE EXISTS (SELECT 1 FROM {{a.Table}} acc WHERE acc.{{a[nameof(Account.Id)]}} = v.A AND acc.{{a[nameof(Account.Status)]}} = @p3)
              AND (SELECT COUNT(*) FROM {{d.Table}} q WHERE q.{{accountId}} = v.A AND q.{{status}} IN (@p0, @p1)) + v.K < {{cap.ToString(CultureInfo.InvariantCulture)}}
            ORDER BY v.N
            RETURNING {{Col(nameof(Delivery.Id))}}, {{accountId}}
            """;
        return (sql, parameters);
    }

    /// <summary>The statement on the context's connection, in its transaction when one is open; values as <c>@p0</c>, <c>@p1</c>, ….</summary>
    private static DbCommand Command(NotifierDbContext db, string sql, List<object?> values)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        if (db.Database.GetCommandTimeout() is { } timeout)
        {
            command.CommandTimeout = timeout;
        }

        for (var i = 0; i < values.Count; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
            parameter.Value = values[i] ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
