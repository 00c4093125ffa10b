using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Notifier.Core.Accounts;
using Notifier.Core.Data;
using Notifier.Core.Data.Dialects;

namespace Notifier.Core.Deliveries;

/// <summary>
/// Commits one group of intake requests (<see cref="IntakeCommitter"/>): replays of known Idempotency-Keys, then every
/// other row in one multi-row insert that checks the account and the queue cap itself, then the keys and an
/// integration's rows in the same transaction. Returns one answer per row, in order; throws when the group failed, in
/// which case nothing of it is stored.
/// </summary>
public sealed partial class IntakeGroupWriter(
    NotifierDbContext db, TimeProvider time, IOptions<DispatchOptions> options, ILogger<IntakeGroupWriter> logger, IIntakeGroupHook? hook = null)
{
    /// <param name="blocking">
    /// Run an ordinary group's one statement with synchronous I/O (the committer's own thread, which waits anyway); the
    /// method then completes before it returns. Groups with a transaction stay asynchronous.
    /// </param>
    public Task<IntakeResult[]> CommitAsync(IReadOnlyList<IntakeRow> rows, CancellationToken cancellationToken, bool blocking = false) =>
        // The whole group under the intake's strategy (ADR 0016): a deadlock lost to another writer runs it again whole,
        // and nothing else is retried. The queries inside do not take the context's own retries either (EF runs a
        // nested strategy's operation directly), so a request arriving during an outage is answered at once instead of
        // waiting out retries meant for background work, and so is every request queued behind it.
        db.Dialect.IntakeStrategy().ExecuteAsync(ct => CommitOnceAsync(rows, blocking, ct), cancellationToken);

    private async Task<IntakeResult[]> CommitOnceAsync(IReadOnlyList<IntakeRow> rows, bool blocking, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var now = time.GetUtcNow().UtcDateTime;
        var results = new IntakeResult?[rows.Count];
        var keys = await IntakeKeys.SortAsync(db, rows, results, now, cancellationToken);
        var accounts = await ResolveAccountsAsync(rows, results, keys, cancellationToken);
        var candidates = Enumerable.Range(0, rows.Count).Where(i => results[i] is null && !keys.IsFollower(i)).ToList();
        if (candidates.Count > 0)
        {
            var ids = await InsertAsync(rows, candidates, accounts, keys, now, blocking, cancellationToken);
            foreach (var i in candidates.Where(ids.ContainsKey))
            {
                var row = rows[i];
                results[i] = new IntakeResult.Accepted(new Delivery
                {
                    Id = ids[i], AccountId = accounts[i], TemplateJson = row.TemplateJson, CreatedAt = now, DueAt = now,
                    ScheduleId = row.ScheduleId, FireTime = row.FireTime, RequestedBy = row.RequestedBy, Topic = row.Extras?.Topic,
                });
                if (row.RequestedBy is { } requestedBy)
                {
                    LogQueued(ids[i], accounts[i], requestedBy);
                }
            }

            await ExplainRefusalsAsync(candidates.Where(i => !ids.ContainsKey(i)).ToList(), accounts, results, cancellationToken);
        }

        keys.AnswerFollowers(rows, results);
        return results.Select(r => r ?? throw new InvalidOperationException("An intake row was left without an answer.")).ToArray();
    }

    /// <summary>Each row's account: the one given, or the only one (one query for the group, only if some row gave none).</summary>
    private async Task<Dictionary<int, long>> ResolveAccountsAsync(IReadOnlyList<IntakeRow> rows, IntakeResult?[] results, IntakeKeys keys, CancellationToken cancellationToken)
    {
        var accounts = new Dictionary<int, long>();
        long? only = null;
        string? refusal = null;
        var askedOnly = false;
        for (var i = 0; i < rows.Count; i++)
        {
            if (results[i] is not null || keys.IsFollower(i))
            {
                continue;
            }

            if (rows[i].AccountId is null && !askedOnly)
            {
                only = await AccountChoice.OnlyAsync(db, why => refusal = why, cancellationToken);
                askedOnly = true;
            }

            if ((rows[i].AccountId ?? only) is { } id)
            {
                accounts[i] = id;
            }
            else
            {
                results[i] = new IntakeResult.NoAccount(refusal!);
            }
        }

        return accounts;
    }

    /// <summary>The new ids by row index; rows whose account is missing, inactive or full are not inserted.</summary>
    private async Task<Dictionary<int, long>> InsertAsync(
        IReadOnlyList<IntakeRow> rows, List<int> candidates, Dictionary<int, long> accounts, IntakeKeys keys, DateTime now, bool blocking, CancellationToken cancellationToken)
    {
        var queued = candidates.Select(i => new QueuedRow(accounts[i], rows[i].TemplateJson, rows[i].ScheduleId, rows[i].FireTime, rows[i].Extras?.Topic, rows[i].RequestedBy)).ToList();
        var cap = options.Value.MaxQueuedPerAccount;
        var group = candidates.Select(i => rows[i]).ToList();
        var needsTransaction = keys.HasStale || group.Any(r => r.IdempotencyKey is not null || r.Extras?.HasRows == true);
        if (!needsTransaction)
        {
            // One statement, atomic by itself: no transaction round trips.
            await BeforeInsertAsync(rows, cancellationToken);
            return Match(candidates, accounts, await db.Dialect.InsertQueuedAsync(queued, now, cap, cancellationToken, blocking));
        }

        return await db.InTransactionAsync(async ct =>
        {
            await keys.DeleteStaleAsync(db, ct);
            await BeforeInsertAsync(rows, ct);
            var ids = Match(candidates, accounts, await db.Dialect.InsertQueuedAsync(queued, now, cap, ct));
            foreach (var (i, id) in ids)
            {
                if (rows[i].KeyOf is { } key)
                {
                    db.IdempotencyRecords.Add(new IdempotencyRecord { Scope = key.Scope, Key = key.Key, RequestHash = rows[i].RequestHash, DeliveryId = id, CreatedAt = now });
                }

                AddExtras(id, rows[i].Extras);
            }

            // A key another process stored meanwhile meets the primary key here: the group fails and its rows are retried alone.
            await db.SaveChangesAsync(ct);
            return ids;
        }, cancellationToken);
    }

    private Task BeforeInsertAsync(IReadOnlyList<IntakeRow> group, CancellationToken cancellationToken) =>
        hook?.BeforeInsertAsync(group, db, cancellationToken) ?? Task.CompletedTask;

    /// <summary>
    /// Pairs the returned rows (ids given in the insert's order) with the candidates: an account's rows go in as a prefix
    /// of its rows in the group (the cap counts the earlier ones), so the k-th id returned for an account is its k-th row.
    /// </summary>
    private static Dictionary<int, long> Match(List<int> candidates, Dictionary<int, long> accounts, List<InsertedDelivery> inserted)
    {
        var perAccount = inserted.GroupBy(r => r.AccountId).ToDictionary(g => g.Key, g => g.Count());
        var ordered = inserted.OrderBy(r => r.Id).ToList();
        var ids = new Dictionary<int, long>();
        var seen = new Dictionary<long, int>();
        var next = 0;
        foreach (var i in candidates)
        {
            var account = accounts[i];
            var turn = seen.GetValueOrDefault(account);
            seen[account] = turn + 1;
            if (turn < perAccount.GetValueOrDefault(account))
            {
                var row = ordered[next++];
                ids[i] = row.AccountId == account ? row.Id : throw new InvalidOperationException("The group insert returned its rows out of order.");
            }
        }

        return ids;
    }

    /// <summary>Why the insert left these rows out: the account is gone, not active, or its queue is full.</summary>
    private async Task ExplainRefusalsAsync(List<int> refused, Dictionary<int, long> accounts, IntakeResult?[] results, CancellationToken cancellationToken)
    {
        if (refused.Count == 0)
        {
            return;
        }

        var ids = refused.Select(i => accounts[i]).Distinct().ToList();
        var statuses = await db.Accounts.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Status, cancellationToken);
        foreach (var i in refused)
        {
            var id = accounts[i];
            results[i] = !statuses.TryGetValue(id, out var status) ? new IntakeResult.NoAccount(AccountChoice.Unknown(id))
                : status != AccountStatus.Active ? new IntakeResult.AccountInactive(id, status.ToName())
                : new IntakeResult.QueueFull(id, options.Value.MaxQueuedPerAccount);
        }
    }

    private void AddExtras(long deliveryId, DeliveryExtras? extras)
    {
        if (extras?.Page is { } page)
        {
            page.DeliveryId = deliveryId;
            db.MessagePages.Add(page);
        }

        foreach (var redirect in extras?.Redirects ?? [])
        {
            redirect.DeliveryId = deliveryId;
            db.LinkRedirects.Add(redirect);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Queued delivery {DeliveryId} for account {AccountId}, asked by API key {KeyName}")]
    private partial void LogQueued(long deliveryId, long accountId, string keyName);
}
