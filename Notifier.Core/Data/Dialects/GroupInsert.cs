using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Notifier.Core.Accounts;
using Notifier.Core.Deliveries;

#pragma warning disable EF1002 // Only names from the EF model and integers this class counts are in the SQL text; every value is a parameter.

namespace Notifier.Core.Data.Dialects;

/// <summary>
/// The group committer's one statement, the same on MariaDB (10.5+) and SQLite (3.35+): <c>INSERT … SELECT … FROM
/// (SELECT … UNION ALL SELECT …) v WHERE the account is active AND its queue has room … ORDER BY v.N RETURNING Id,
/// AccountId</c>. The account check and the queue cap ride in the insert, so an accepted group costs one round trip.
/// </summary>
internal static class GroupInsert
{
    public static Task<List<InsertedDelivery>> RunAsync(NotifierDbContext db, IReadOnlyList<QueuedRow> rows, DateTime now, int cap, CancellationToken cancellationToken)
    {
        var d = new TableNames<Delivery>(db);
        var a = new TableNames<Account>(db);
        string Col(string property) => d[property];
        // {0} queued, {1} sending, {2} now, {3} active; each row's values follow, six apiece.
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
                values.Append(CultureInfo.InvariantCulture, $"SELECT {n} AS N, {k} AS K, {{{p}}} AS A, {{{p + 1}}} AS T, {{{p + 2}}} AS S, {{{p + 3}}} AS F, {{{p + 4}}} AS P, {{{p + 5}}} AS R");
            }
            else
            {
                values.Append(CultureInfo.InvariantCulture, $" UNION ALL SELECT {n}, {k}, {{{p}}}, {{{p + 1}}}, {{{p + 2}}}, {{{p + 3}}}, {{{p + 4}}}, {{{p + 5}}}");
            }

            parameters.AddRange([row.AccountId, row.TemplateJson, row.ScheduleId, row.FireTime, row.Topic, row.RequestedBy]);
        }

        var (accountId, status) = (Col(nameof(Delivery.AccountId)), Col(nameof(Delivery.Status)));
        var sql = $$"""
            INSERT INTO {{d.Table}} ({{accountId}}, {{status}}, {{Col(nameof(Delivery.TemplateJson))}}, {{Col(nameof(Delivery.Attempts))}}, {{Col(nameof(Delivery.CreatedAt))}}, {{Col(nameof(Delivery.DueAt))}}, {{Col(nameof(Delivery.ScheduleId))}}, {{Col(nameof(Delivery.FireTime))}}, {{Col(nameof(Delivery.Topic))}}, {{Col(nameof(Delivery.RequestedBy))}})
            SELECT v.A, {0}, v.T, 0, {2}, {2}, v.S, v.F, v.P, v.R
            FROM ({{values}}) v
            WHERE EXISTS (SELECT 1 FROM {{a.Table}} acc WHERE acc.{{a[nameof(Account.Id)]}} = v.A AND acc.{{a[nameof(Account.Status)]}} = {3})
              AND (SELECT COUNT(*) FROM {{d.Table}} q WHERE q.{{accountId}} = v.A AND q.{{status}} IN ({0}, {1})) + v.K < {{cap.ToString(CultureInfo.InvariantCulture)}}
            ORDER BY v.N
            RETURNING {{Col(nameof(Delivery.Id))}} AS Id, {{accountId}} AS AccountId
            """;
        return db.Database.SqlQueryRaw<InsertedDelivery>(sql, parameters.ToArray()!).ToListAsync(cancellationToken);
    }
}
