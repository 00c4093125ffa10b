using Microsoft.EntityFrameworkCore;
using Notifier.Core.Accounts;
using Notifier.Core.Data;
using Notifier.Core.Deliveries;
using Notifier.Testing.Database;

namespace Notifier.Core.Tests.Deliveries;

/// <summary>
/// The intake's group committer (docs/decisions/0016) on each database: every request answered only after its group
/// committed, with its own row; replays decided inside a group; a failed group failing only its bad row; stop drains.
/// A held group (<see cref="GroupGate"/>) makes "these rows are in one group" certain without timing.
/// </summary>
public abstract class GroupCommitTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : class, ITestDatabase
{
    private const int Cap = 60;
    private IntakeHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await IntakeHost.StartAsync(database, new Dictionary<string, string?> { ["Dispatch:MaxQueuedPerAccount"] = Cap.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ConcurrentIntakes_AreAllCommitted_EachAnsweredWithItsOwnRow()
    {
        long[] accounts = [await _host.AddAccountAsync(), await _host.AddAccountAsync(), await _host.AddAccountAsync()];

        var results = await Task.WhenAll(Enumerable.Range(0, 150).Select(i => Task.Run(() => _host.EnqueueAsync(accounts[i % 3], $"concurrent {i}"))));

        var stored = (await Task.WhenAll(accounts.Select(_host.DeliveriesAsync))).SelectMany(d => d).ToDictionary(d => d.Id);
        Assert.Equal(150, stored.Count);
        for (var i = 0; i < results.Length; i++)
        {
            var delivery = stored[Assert.IsType<IntakeResult.Accepted>(results[i]).Delivery.Id];
            Assert.Equal((accounts[i % 3], IntakeHost.Template($"concurrent {i}")), (delivery.AccountId, delivery.TemplateJson));
        }
    }

    [Fact]
    public async Task HeldGroup_AnswersAndStoresNothing_ThenTheNextGroupTakesAllThatWaited_AndWakesTheDispatcherAfterItsCommit()
    {
        var account = await _host.AddAccountAsync();
        var (first, waiting) = await HoldAsync(account, Enumerable.Range(0, 40).Select(i => (account, $"waiting {i}", (string?)null)));
        while (await _host.Signal.WaitAsync(TimeSpan.Zero, CancellationToken.None))
        {
            // what earlier commits signalled
        }

        Assert.False(first.IsCompleted);
        Assert.DoesNotContain(waiting, t => t.IsCompleted);
        Assert.Empty(await _host.DeliveriesAsync(account));
        Assert.False(await _host.Signal.WaitAsync(TimeSpan.Zero, CancellationToken.None));

        _host.Gate.Release();

        Assert.IsType<IntakeResult.Accepted>(await first);
        Assert.All(await Task.WhenAll(waiting), r => Assert.IsType<IntakeResult.Accepted>(r));
        Assert.Equal(41, (await _host.DeliveriesAsync(account)).Count);
        Assert.Contains(_host.Gate.Groups, g => g.Count == 40);
        Assert.True(await _host.Signal.WaitAsync(TimeSpan.Zero, CancellationToken.None));
    }

    [Fact]
    public async Task OneKeyThriceInOneGroup_StoresOneRow_ReplaysItForTheSameBody_RefusesAnotherBody()
    {
        var account = await _host.AddAccountAsync();
        var key = "group-" + Guid.NewGuid().ToString("N");
        var (first, same) = await HoldAsync(account, [(account, "keyed", key), (account, "keyed", key), (account, "another body", key)]);
        _host.Gate.Release();
        await first;

        var results = await Task.WhenAll(same);
        var accepted = Assert.IsType<IntakeResult.Accepted>(results[0]);
        Assert.Equal(accepted.Delivery.Id, Assert.IsType<IntakeResult.Replayed>(results[1]).Delivery.Id);
        Assert.IsType<IntakeResult.KeyReused>(results[2]);
        Assert.Contains(_host.Gate.Groups, g => g.Count(r => r.IdempotencyKey == key) == 3);
        Assert.Single(await _host.DeliveriesAsync(account), d => d.TemplateJson == IntakeHost.Template("keyed"));
        Assert.Equal(1, await _host.InScopeAsync(db => db.IdempotencyRecords.CountAsync(r => r.Key == key)));
        // And later, from the database: the same answer.
        Assert.Equal(accepted.Delivery.Id, Assert.IsType<IntakeResult.Replayed>(await _host.EnqueueAsync(account, "keyed", key)).Delivery.Id);
    }

    [Fact]
    public async Task GroupWithARowBreakingAUniqueIndex_FailsOnlyThatRow_TheOthersAreStoredAlone()
    {
        var account = await _host.AddAccountAsync();
        var schedule = await _host.AddScheduleAsync(account);
        var fire = new DateTime(2026, 3, 9, 0, 0, 0, DateTimeKind.Utc);
        Assert.IsType<IntakeResult.Accepted>(await _host.EnqueueAsync(account, "the fire", scheduleId: schedule, fireTime: fire));
        _host.Gate.Hold();
        var blocker = _host.EnqueueAsync(account, "blocker");
        await _host.Gate.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var good = Enumerable.Range(0, 5).Select(i => _host.EnqueueAsync(account, $"good {i}")).ToList();
        var twin = _host.EnqueueAsync(account, "the same fire again", scheduleId: schedule, fireTime: fire);

        _host.Gate.Release();

        await blocker;
        Assert.All(await Task.WhenAll(good), r => Assert.IsType<IntakeResult.Accepted>(r));
        Assert.IsType<IntakeResult.NotStored>(await twin);
        var stored = await _host.DeliveriesAsync(account);
        Assert.Equal(7, stored.Count);
        Assert.DoesNotContain(stored, d => d.TemplateJson == IntakeHost.Template("the same fire again"));
        Assert.Contains(_host.Gate.Groups, g => g.Count == 6); // the group that failed, then each of its rows alone
    }

    [Fact]
    public async Task GroupFailingEveryTime_AnswersNotStoredOnlyForItsBadRow()
    {
        var account = await _host.AddAccountAsync();
        _host.Gate.FailOn = "boom";
        try
        {
            var (first, rows) = await HoldAsync(account, [(account, "fine 1", null), (account, "boom", null), (account, "fine 2", null)]);
            _host.Gate.Release();
            await first;

            var results = await Task.WhenAll(rows);
            Assert.IsType<IntakeResult.Accepted>(results[0]);
            Assert.IsType<IntakeResult.NotStored>(results[1]);
            Assert.IsType<IntakeResult.Accepted>(results[2]);
            Assert.DoesNotContain(await _host.DeliveriesAsync(account), d => d.TemplateJson.Contains("boom", StringComparison.Ordinal));
        }
        finally
        {
            _host.Gate.FailOn = null;
        }
    }

    [Fact]
    public async Task OneKeyTwiceInAFailedGroup_RetriedAlone_StoresOneRow_AndReplaysItForTheSecond()
    {
        var account = await _host.AddAccountAsync();
        var key = "failed-group-" + Guid.NewGuid().ToString("N");
        _host.Gate.FailOn = "boom";
        try
        {
            var (first, rows) = await HoldAsync(account, [(account, "keyed twice", key), (account, "keyed twice", key), (account, "boom", null)]);
            _host.Gate.Release();
            await first;

            var results = await Task.WhenAll(rows);
            var accepted = Assert.IsType<IntakeResult.Accepted>(results[0]);
            Assert.Equal(accepted.Delivery.Id, Assert.IsType<IntakeResult.Replayed>(results[1]).Delivery.Id);
            Assert.IsType<IntakeResult.NotStored>(results[2]);
            Assert.Single(await _host.DeliveriesAsync(account), d => d.TemplateJson == IntakeHost.Template("keyed twice"));
        }
        finally
        {
            _host.Gate.FailOn = null;
        }
    }

    [Fact]
    public async Task AnAccountInTheOtherLane_IsStoredWhileAGroupIsHeld_OnMariaDb_AndWaitsForIt_OnSqlite()
    {
        var held = await _host.AddAccountAsync();
        var other = await _host.AddAccountAsync(); // ids follow each other: the other lane on MariaDB (two lanes, by account id)
        _host.Gate.Hold(held);
        var first = _host.EnqueueAsync(held, "holds its lane");
        await _host.Gate.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var beside = _host.EnqueueAsync(other, "in the other lane");

        if (database.Provider == DatabaseProvider.MariaDb)
        {
            // Not a timing assumption: the held group stays held until Release, so only another lane can answer this.
            Assert.IsType<IntakeResult.Accepted>(await beside.WaitAsync(TimeSpan.FromSeconds(30)));
            Assert.Single(await _host.DeliveriesAsync(other));
            Assert.False(first.IsCompleted);
        }
        else
        {
            // SQLite has one writer at a time, so one lane: the row waits behind the held group.
            Assert.False(beside.IsCompleted);
            Assert.Empty(await _host.DeliveriesAsync(other));
        }

        _host.Gate.Release();
        Assert.IsType<IntakeResult.Accepted>(await first);
        Assert.IsType<IntakeResult.Accepted>(await beside);
        Assert.Single(await _host.DeliveriesAsync(held));
    }

    [Fact]
    public async Task CapInactiveAndUnknownAccounts_InOneGroup_AreRefusedRowByRow()
    {
        var account = await _host.AddAccountAsync();
        var inactive = await _host.AddAccountAsync(AccountStatus.Unlinked);
        var many = Enumerable.Range(0, Cap + 10).Select(i => (account, $"cap {i}", (string?)null));
        var (first, rows) = await HoldAsync(await _host.AddAccountAsync(), [.. many, (inactive, "to the unlinked", null), (987654321L, "to nobody", null)]);
        _host.Gate.Release();
        await first;

        var results = await Task.WhenAll(rows);
        Assert.All(results.Take(Cap), r => Assert.IsType<IntakeResult.Accepted>(r));
        Assert.All(results.Skip(Cap).Take(10), r => Assert.Equal(new IntakeResult.QueueFull(account, Cap), r));
        Assert.Equal(new IntakeResult.AccountInactive(inactive, "unlinked"), results[^2]);
        Assert.IsType<IntakeResult.NoAccount>(results[^1]);
        var stored = await _host.DeliveriesAsync(account);
        Assert.Equal(Enumerable.Range(0, Cap).Select(i => IntakeHost.Template($"cap {i}")), stored.Select(d => d.TemplateJson));
    }

    [Fact]
    public async Task Stop_StoresAndAnswersWhatWaits_ThenRequestsAreStoredAlone()
    {
        var account = await _host.AddAccountAsync();
        var (first, waiting) = await HoldAsync(account, Enumerable.Range(0, 30).Select(i => (account, $"drained {i}", (string?)null)));

        var stopping = _host.Committer.StopAsync(CancellationToken.None);
        var late = _host.EnqueueAsync(account, "after stop");
        _host.Gate.Release();
        await stopping;

        Assert.IsType<IntakeResult.Accepted>(await late);
        Assert.Contains(_host.Gate.Groups, g => g.Count == 1 && g[0].TemplateJson == IntakeHost.Template("after stop"));
        Assert.IsType<IntakeResult.Accepted>(await first);
        Assert.All(await Task.WhenAll(waiting), r => Assert.IsType<IntakeResult.Accepted>(r));
        Assert.Equal(32, (await _host.DeliveriesAsync(account)).Count);
    }

    /// <summary>Holds a first group (one row to <paramref name="holder"/>) inside its commit, then queues <paramref name="rows"/> behind it.</summary>
    private async Task<(Task<IntakeResult> First, List<Task<IntakeResult>> Rows)> HoldAsync(long holder, IEnumerable<(long Account, string Text, string? Key)> rows)
    {
        _host.Gate.Hold();
        var first = _host.EnqueueAsync(holder, "holds the committer");
        await _host.Gate.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return (first, rows.Select(r => _host.EnqueueAsync(r.Account, r.Text, r.Key)).ToList());
    }
}

public sealed class GroupCommitTestsOnMariaDb(MariaDbDatabase database) : GroupCommitTests<MariaDbDatabase>(database);

public sealed class GroupCommitTestsOnSqlite(SqliteDatabase database) : GroupCommitTests<SqliteDatabase>(database);
