using Microsoft.Extensions.Time.Testing;
using Notifier.Core.Deliveries;
using Notifier.Core.Schedules;
using Notifier.Testing.Database;
using Notifier.Testing.Time;
using static Notifier.Core.Tests.Schedules.ScheduleHost;

namespace Notifier.Core.Tests.Schedules;

/// <summary>What replacing or deleting a schedule does to fires already turned into deliveries.</summary>
public abstract class ScheduleChangeWithdrawalTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : class, ITestDatabase
{
    private readonly FakeTimeProvider _clock = TestClock.Create(new DateTimeOffset(2026, 3, 9, 0, 0, 30, TimeSpan.Zero));
    private ScheduleHost _host = null!;
    private long _accountId;

    public async Task InitializeAsync()
    {
        _host = await StartAsync(database, _clock, new Dictionary<string, string?> { ["Dispatch:DailyCap"] = "1" });
        await _host.ClearAsync();
        _accountId = await _host.AddAccountAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Replace_WithdrawsTheFireQueuedAhead_AndTheNextRunQueuesItWithTheNewMessage()
    {
        var schedule = await _host.CreateScheduleAsync(_accountId, "0 0 * * * ?", "old words");
        _clock.SetUtcNow(new DateTimeOffset(2026, 3, 9, 0, 59, 30, TimeSpan.Zero));
        Assert.Equal(1, await _host.MaterializeAsync());

        await ReplaceAsync(schedule.Id, "0 0 * * * ?", "new words");
        Assert.Empty(await _host.DeliveriesAsync(schedule.Id));
        Assert.Equal(1, await _host.MaterializeAsync());

        var delivery = Assert.Single(await _host.DeliveriesAsync(schedule.Id));
        Assert.Equal(Utc("2026-03-09T01:00:00Z"), delivery.FireTime);
        Assert.Contains("new words", delivery.TemplateJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replace_KeepsAFireThatAlreadyHappened_EvenWhileTheDailyCapPostponesIt()
    {
        var schedule = await _host.CreateScheduleAsync(_accountId, "0 0/30 * * * ?", "old words");
        _clock.SetUtcNow(new DateTimeOffset(2026, 3, 9, 1, 0, 30, TimeSpan.Zero));
        Assert.Equal(2, await _host.MaterializeAsync());
        // The cap of one memo a day: the 00:30 fire is claimed, the 01:00 fire waits for the next Korean day.
        var claimed = Assert.Single(await _host.InScopeAsync((DeliveryClaimer claimer) => claimer.ClaimAsync(CancellationToken.None)));
        var postponed = Assert.Single(await _host.DeliveriesAsync(schedule.Id), d => d.Id != claimed.Id);
        Assert.Equal((DeliveryStatus.Queued, Utc("2026-03-09T15:00:00Z")), (postponed.Status, postponed.DueAt));

        await ReplaceAsync(schedule.Id, "0 0/30 * * * ?", "new words");

        var kept = await _host.DeliveriesAsync(schedule.Id);
        Assert.Equal([Utc("2026-03-09T00:30:00Z"), Utc("2026-03-09T01:00:00Z")], kept.Select(d => d.FireTime!.Value));
        Assert.Equal(Utc("2026-03-09T01:30:00Z"), (await _host.ScheduleAsync(schedule.Id)).NextFireTime);
    }

    [Fact]
    public async Task Delete_WithdrawsTheFireQueuedAhead_AndKeepsTheLog()
    {
        var schedule = await _host.CreateScheduleAsync(_accountId, "0 0 * * * ?");
        _clock.SetUtcNow(new DateTimeOffset(2026, 3, 9, 1, 59, 30, TimeSpan.Zero));
        Assert.Equal(2, await _host.MaterializeAsync());

        var change = await _host.InScopeAsync((ScheduleService service) => service.DeleteAsync(schedule.Id, null, CancellationToken.None));

        Assert.IsType<ScheduleChange.Deleted>(change);
        var left = Assert.Single(await _host.DeliveriesAsync(schedule.Id));
        Assert.Equal(Utc("2026-03-09T01:00:00Z"), left.FireTime);
    }

    private async Task ReplaceAsync(long id, string cron, string text)
    {
        var change = await _host.InScopeAsync((ScheduleService service) =>
            service.ReplaceAsync(id, null, Draft(_accountId, cron, text), CancellationToken.None));
        Assert.IsType<ScheduleChange.Saved>(change);
    }
}

public sealed class ScheduleChangeWithdrawalTestsOnMariaDb(MariaDbDatabase database) : ScheduleChangeWithdrawalTests<MariaDbDatabase>(database);

public sealed class ScheduleChangeWithdrawalTestsOnSqlite(SqliteDatabase database) : ScheduleChangeWithdrawalTests<SqliteDatabase>(database);
