using Notifier.Core.Deliveries;
using Notifier.Testing.Database;

namespace Notifier.Core.Tests.Deliveries;

/// <summary>
/// Two writers' group inserts on one MariaDB (two Api processes, or an Api and a Worker queuing fires; SQLite is one
/// process): InnoDB ends their deadlock by rolling back one statement, with error 1213, or 1467 when the loser was
/// waiting for the AUTO-INC lock. The loser runs its insert again under the execution strategy (ADR 0016).
/// </summary>
public sealed class GroupDeadlockTests(MariaDbDatabase database) : IClassFixture<MariaDbDatabase>, IAsyncLifetime
{
    private IntakeHost _host = null!;

    public async Task InitializeAsync() => _host = await IntakeHost.StartAsync(database);

    public async Task DisposeAsync() => await _host.DisposeAsync();

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
}
