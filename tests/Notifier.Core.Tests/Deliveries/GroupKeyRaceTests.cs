using Notifier.Core.Deliveries;
using Notifier.Testing.Database;

namespace Notifier.Core.Tests.Deliveries;

/// <summary>
/// Two Api processes' committers on one MariaDB (its deployment: SQLite is one process) with the same Idempotency-Key:
/// the primary key of <c>idempotency_keys</c> decides. Here "the other process" stores the key while this one's group
/// is inside its commit; the group fails, and its row, tried alone, replays the other's delivery.
/// </summary>
public sealed class GroupKeyRaceTests(MariaDbDatabase database) : IClassFixture<MariaDbDatabase>, IAsyncLifetime
{
    private IntakeHost _host = null!;

    public async Task InitializeAsync() => _host = await IntakeHost.StartAsync(database);

    public async Task DisposeAsync() => await _host.DisposeAsync();

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
}
