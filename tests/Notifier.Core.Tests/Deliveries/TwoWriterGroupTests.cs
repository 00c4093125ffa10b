using System.Data;
using MySqlConnector;
using Notifier.Core.Deliveries;
using Notifier.Testing.Database;

namespace Notifier.Core.Tests.Deliveries;

/// <summary>
/// A group insert meeting another writer on one MariaDB: two Api processes' committers, or an Api and a Worker queuing
/// schedule fires (its deployment: SQLite is one process). "The other writer" is the test, on its own connection.
/// </summary>
public sealed class TwoWriterGroupTests(MariaDbDatabase database) : IClassFixture<MariaDbDatabase>, IAsyncLifetime
{
    private IntakeHost _host = null!;

    public async Task InitializeAsync() => _host = await IntakeHost.StartAsync(database);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>
    /// The same Idempotency-Key: the primary key of <c>idempotency_keys</c> decides. The other writer stores the key
    /// while this group is inside its commit; the group fails, and its row, tried alone, replays the other's delivery.
    /// </summary>
    [Fact]
    public async Task KeyStoredElsewhereWhileTheGroupCommits_ReplaysTheOtherDelivery_AndStoresNoSecondRow()
    {
        var account = await _host.AddAccountAsync();
        var key = "race-" + Guid.NewGuid().ToString("N");
        _host.Gate.Hold();
        var mine = _host.EnqueueAsync(account, "raced", key);
        var neighbour = _host.EnqueueAsync(account, "unkeyed neighbour");
        await _host.Gate.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var theirs = await _host.InScopeAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var delivery = new Delivery { AccountId = account, TemplateJson = IntakeHost.Template("raced"), CreatedAt = now, DueAt = now };
            db.Deliveries.Add(delivery);
            await db.SaveChangesAsync();
            db.IdempotencyRecords.Add(new IdempotencyRecord { Scope = "test", Key = key, RequestHash = "raced", DeliveryId = delivery.Id, CreatedAt = now });
            await db.SaveChangesAsync();
            return delivery.Id;
        });
        _host.Gate.Release();

        Assert.Equal(theirs, Assert.IsType<IntakeResult.Replayed>(await mine).Delivery.Id);
        Assert.IsType<IntakeResult.Accepted>(await neighbour);
        var stored = await _host.DeliveriesAsync(account);
        Assert.Single(stored, d => d.TemplateJson == IntakeHost.Template("raced"));
        Assert.Single(stored, d => d.TemplateJson == IntakeHost.Template("unkeyed neighbour"));
    }

    /// <summary>
    /// A deadlock: InnoDB ends it by rolling back one statement, with error 1213, or 1467 when the loser was waiting for
    /// the AUTO-INC lock (<see cref="AutoIncDeadlock"/>). The losing group runs its insert again, up to three tries in
    /// all (<c>DatabaseDialect.IntakeStrategy</c>, ADR 0016).
    /// </summary>
    [Fact]
    public async Task GroupLosingADeadlockTwice_IsRunAgainWhole_AndEachRequestIsStoredOnce()
    {
        var account = await _host.AddAccountAsync();
        var deadlock = new AutoIncDeadlock(times: 2, marker: "deadlocked");
        _host.Gate.Next = deadlock;
        _host.Gate.Hold();
        var holder = _host.EnqueueAsync(account, "holds the committer");
        await _host.Gate.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var rows = Enumerable.Range(1, 3).Select(n => _host.EnqueueAsync(account, $"deadlocked {n}")).ToList();
        _host.Gate.Release();

        Assert.IsType<IntakeResult.Accepted>(await holder);
        var results = await Task.WhenAll(rows).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(2, await deadlock.OursLostAsync());
        // The same group three times (lost, lost, stored). Before, the first loss failed the group and its rows were
        // tried alone, each once: a second loss answered NotStored (a 500).
        Assert.Equal([1, 3, 3, 3], _host.Gate.Groups.Select(g => g.Count));
        var stored = await _host.DeliveriesAsync(account);
        Assert.Equal(4, stored.Count);
        Assert.Equal(stored.Skip(1).Select(d => d.Id), results.Select(r => Assert.IsType<IntakeResult.Accepted>(r).Delivery.Id));
    }

    /// <summary>
    /// A Worker's dispatcher holding an account's queued rows (its claim, in read committed: locks on those rows and no
    /// gaps) does not hold up that account's intake: the group insert neither waits for those rows nor fails.
    /// </summary>
    [Fact]
    public async Task RowsHeldByAnotherWriter_DoNotHoldUpTheGroupInsert()
    {
        var account = await _host.AddAccountAsync();
        Assert.IsType<IntakeResult.Accepted>(await _host.EnqueueAsync(account, "queued first"));
        await using var other = new MySqlConnection(database.ConnectionString);
        await other.OpenAsync();
        // As the dispatcher's claim does: read committed, so it locks the rows it reads and no gaps between them.
        await using var transaction = await other.BeginTransactionAsync(IsolationLevel.ReadCommitted);
        await using (var hold = new MySqlCommand($"SELECT COUNT(*) FROM deliveries WHERE AccountId = {account} FOR UPDATE", other, transaction))
        {
            Assert.Equal(1L, await hold.ExecuteScalarAsync());
        }

        var result = await _host.EnqueueAsync(account, "while the first is held").WaitAsync(TimeSpan.FromSeconds(20));

        Assert.IsType<IntakeResult.Accepted>(result);
        await transaction.RollbackAsync();
        Assert.Equal(2, (await _host.DeliveriesAsync(account)).Count);
    }
}
