using Microsoft.EntityFrameworkCore.Storage;
using Notifier.Core.Accounts;
using Notifier.Core.Deliveries;
using Notifier.Core.Schedules;

namespace Notifier.Core.Data.Dialects;

/// <summary>
/// The operations whose SQL differs between the two databases, by name; business code calls these and reads as the
/// domain. Each provider's SQL lives in its one subclass (<see cref="MariaDbDialect"/>, <see cref="SqliteDialect"/>);
/// what each guarantees is in docs/decisions/0006-two-databases-one-dialect-each.md.
/// </summary>
public abstract class DatabaseDialect(NotifierDbContext db)
{
    protected NotifierDbContext Db => db;

    // The tables' and columns' names as the EF model maps them, for the SQL each subclass writes.
    private protected TableNames<Account> AccountTable { get; } = new(db);

    private protected TableNames<Schedule> ScheduleTable { get; } = new(db);

    private protected TableNames<Delivery> DeliveryTable { get; } = new(db);

    private protected TableNames<DailyUsage> UsageTable { get; } = new(db);

    /// <summary>
    /// Whether several claimers (threads or processes) may claim at once and still take disjoint rows
    /// (<c>FOR UPDATE SKIP LOCKED</c>). Without it, work is claimed by one claimer at a time.
    /// </summary>
    public abstract bool SkipsLockedRows { get; }

    /// <summary>The transaction a claim runs in (on MariaDB read committed, so a claim locks only what it returns).</summary>
    public abstract Task<IDbContextTransaction> BeginClaimTransactionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// How an intake group (<see cref="Deliveries.IntakeGroupWriter"/>) runs again when another writer's insert made it
    /// lose a deadlock: at once, then after a moment, and for nothing else, so that a request arriving during an outage
    /// is answered (a 500) at once instead of waiting out the context's own retries, which are meant for background work.
    /// </summary>
    public abstract IExecutionStrategy IntakeStrategy();

    /// <summary>
    /// Sets up the connection an intake lane keeps open for its groups (<see cref="Deliveries.IntakeLane"/>), once per
    /// open. The pool resets it when the lane gives it back.
    /// </summary>
    public abstract void PrepareIntakeConnection();

    /// <summary>
    /// Creates a database that has no tables yet from the provider's new-database script, when it has one
    /// (<see cref="NewDatabaseScript"/>); false when it did not, and EF's migrations run as usual.
    /// </summary>
    public abstract Task<bool> CreateNewDatabaseAsync(CancellationToken cancellationToken);

    /// <summary>Reads one account and holds it against every other writer until the transaction ends.</summary>
    public abstract Task<Account?> LockAccountAsync(long accountId, CancellationToken cancellationToken);

    /// <summary>Reads one schedule (tracked) and holds it against every other writer until the transaction ends.</summary>
    public abstract Task<Schedule?> LockScheduleAsync(long scheduleId, CancellationToken cancellationToken);

    /// <summary>Enabled schedules firing by <paramref name="horizon"/>, soonest first, tracked and held; none another claimer holds.</summary>
    public abstract Task<List<Schedule>> ClaimDueSchedulesAsync(DateTime horizon, int limit, CancellationToken cancellationToken);

    /// <summary>Deliveries in <paramref name="status"/> due by <paramref name="now"/>, soonest first, held; none another claimer holds.</summary>
    public abstract Task<List<Delivery>> ClaimDueDeliveriesAsync(DeliveryStatus status, DateTime now, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Queued deliveries due by <paramref name="now"/>, taken in turns across accounts: every account's first due row
    /// (oldest first), then every account's second, and so on, up to <paramref name="limit"/>; held, none another claimer
    /// holds. So one account's deep backlog never keeps another account's due row out of the next page.
    /// </summary>
    public abstract Task<List<Delivery>> ClaimDueDeliveriesInTurnsAsync(DateTime now, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Ids of active accounts whose refresh token expires before <paramref name="expiringBefore"/> and that no upkeep
    /// touched since <paramref name="notTouchedSince"/>, soonest expiry first, held; none another claimer holds.
    /// </summary>
    public abstract Task<List<long>> ClaimAccountsForUpkeepAsync(DateTime expiringBefore, DateTime notTouchedSince, int limit, CancellationToken cancellationToken);

    /// <summary>Creates the missing daily-usage rows of these accounts for <paramref name="day"/> (count 0) and holds them all.</summary>
    public abstract Task LockDailyUsageRowsAsync(IReadOnlyList<long> accountIds, DateOnly day, CancellationToken cancellationToken);

    /// <summary>Adds each account's count to its daily-usage row for <paramref name="day"/>, creating it when missing, in one statement.</summary>
    public abstract Task AddDailyUsageAsync(IReadOnlyList<KeyValuePair<long, int>> counts, DateOnly day, CancellationToken cancellationToken);

    /// <summary>
    /// Inserts a group of queued deliveries in one statement, each only if its account is active and has room under
    /// <paramref name="cap"/> (counting the group's earlier rows of that account); returns the inserted rows' ids and
    /// accounts in the group's order. Both providers take the same SQL (<see cref="GroupInsert"/>): an
    /// <c>INSERT ... SELECT</c> reading deliveries itself, whose SELECT both compute whole into a temporary table first,
    /// so each row's queue count is the count before the statement; ORDER BY fixes the order the ids are given in.
    /// </summary>
    /// <param name="blocking">With synchronous I/O (the task is complete when returned): for a caller on a thread of its own.</param>
    public Task<List<InsertedDelivery>> InsertQueuedAsync(IReadOnlyList<QueuedRow> rows, DateTime now, int cap, CancellationToken cancellationToken, bool blocking = false) =>
        blocking ? Task.FromResult(GroupInsert.Run(Db, rows, now, cap)) : GroupInsert.RunAsync(Db, rows, now, cap, cancellationToken);

    /// <summary>The <c>(AccountId, Day, Count)</c> values of a daily-usage insert: placeholders and their parameters.</summary>
    protected static (string Values, object[] Parameters) DailyUsageValues(IReadOnlyList<KeyValuePair<long, int>> counts, DateOnly day)
    {
        var values = string.Join(", ", counts.Select((_, i) => $"({{{2 * i}}}, {{{2 * counts.Count}}}, {{{2 * i + 1}}})"));
        return (values, counts.SelectMany(c => new object[] { c.Key, c.Value }).Append(day).ToArray());
    }
}
