using Microsoft.Extensions.Time.Testing;
using Notifier.Core.Deliveries;
using Notifier.Core.Schedules;
using Notifier.Testing.Database;
using Notifier.Testing.Time;
using static Notifier.Core.Tests.Schedules.ScheduleHost;

namespace Notifier.Core.Tests.Schedules;

/// <summary>The materializer on each database with a hand-moved clock (catch-up window 60 min, lookahead 60 s).</summary>
public abstract class ScheduleMaterializerTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : class, ITestDatabase
{
    private readonly FakeTimeProvider _clock = TestClock.Create(new DateTimeOffset(2026, 3, 9, 0, 0, 30, TimeSpan.Zero));
    private ScheduleHost _host = null!;
    private long _accountId;

    public async Task InitializeAsync()
    {
        _host = await StartAsync(database, _clock);
        await _host.ClearAsync(); // nothing another test left may fire here
        _accountId = await _host.AddAccountAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task FireMissedWithinTheCatchUpWindow_IsQueuedOnce_Late_WithItsOriginalFireTime()
    {
        var schedule = await _host.CreateScheduleAsync(_accountId, "0 0 10 * * ?");
        _clock.SetUtcNow(new DateTimeOffset(2026, 3, 9, 10, 20, 0, TimeSpan.Zero));

        Assert.Equal(1, await _host.MaterializeAsync());

        var delivery = Assert.Single(await _host.DeliveriesAsync(schedule.Id));
        Assert.Equal(DeliveryStatus.Queued, delivery.Status);
        Assert.Equal(Utc("2026-03-09T10:00:00Z"), delivery.FireTime);
        Assert.Equal(Utc("2026-03-09T10:00:00Z"), delivery.DueAt);
        Assert.Equal(Utc("2026-03-09T10:20:00Z"), delivery.CreatedAt);
        Assert.Equal(schedule.TemplateJson, delivery.TemplateJson);
        Assert.StartsWith("Fired late", delivery.LastError, StringComparison.Ordinal);
        Assert.Equal(Utc("2026-03-10T10:00:00Z"), (await _host.ScheduleAsync(schedule.Id)).NextFireTime);
    }

    [Fact]
    public async Task FiresOlderThanTheCatchUpWindow_AreRecordedSkipped_AndOnlyTheRecentOneIsQueued()
    {
        var schedule = await _host.CreateScheduleAsync(_accountId, "0 0 * * * ?");
        _clock.SetUtcNow(new DateTimeOffset(2026, 3, 9, 5, 30, 0, TimeSpan.Zero));

        Assert.Equal(1, await _host.MaterializeAsync());

        var deliveries = await _host.DeliveriesAsync(schedule.Id);
        Assert.Equal(
            [(1, DeliveryStatus.Skipped), (2, DeliveryStatus.Skipped), (3, DeliveryStatus.Skipped), (4, DeliveryStatus.Skipped), (5, DeliveryStatus.Queued)],
            deliveries.Select(d => (d.FireTime!.Value.Hour, d.Status)));
        Assert.All(deliveries.Where(d => d.Status == DeliveryStatus.Skipped), d => Assert.Contains("catch-up window", d.LastError, StringComparison.Ordinal));
        Assert.Equal(Utc("2026-03-09T06:00:00Z"), (await _host.ScheduleAsync(schedule.Id)).NextFireTime);
    }

    [Fact]
    public async Task FireWithinTheLookahead_IsQueuedAhead_DueAtItsFireTime_AndRunningAgainAddsNothing()
    {
        var schedule = await _host.CreateScheduleAsync(_accountId, "0 0 10 * * ?");
        _clock.SetUtcNow(new DateTimeOffset(2026, 3, 9, 9, 59, 30, TimeSpan.Zero));

        Assert.Equal(1, await _host.MaterializeAsync());
        Assert.Equal(0, await _host.MaterializeAsync());
        _clock.SetUtcNow(new DateTimeOffset(2026, 3, 9, 10, 0, 30, TimeSpan.Zero));
        Assert.Equal(0, await _host.MaterializeAsync());

        var delivery = Assert.Single(await _host.DeliveriesAsync(schedule.Id));
        Assert.Equal((DeliveryStatus.Queued, Utc("2026-03-09T10:00:00Z")), (delivery.Status, delivery.DueAt));
        Assert.Null(delivery.LastError);
    }

    [Fact]
    public async Task FireBeyondTheLookahead_IsNotMaterializedYet()
    {
        var schedule = await _host.CreateScheduleAsync(_accountId, "0 0 10 * * ?");
        _clock.SetUtcNow(new DateTimeOffset(2026, 3, 9, 9, 58, 59, TimeSpan.Zero));

        Assert.Equal(0, await _host.MaterializeAsync());

        Assert.Empty(await _host.DeliveriesAsync(schedule.Id));
        Assert.Equal(Utc("2026-03-09T10:00:00Z"), (await _host.ScheduleAsync(schedule.Id)).NextFireTime);
    }

    [Fact]
    public async Task OneShotSchedule_MissedByMinutes_IsStillSentLate_NotDisabled()
    {
        var schedule = await _host.CreateScheduleAsync(_accountId, "0 0 10 9 3 ? 2026");
        _clock.SetUtcNow(new DateTimeOffset(2026, 3, 9, 10, 5, 0, TimeSpan.Zero));

        Assert.Equal(1, await _host.MaterializeAsync());

        var delivery = Assert.Single(await _host.DeliveriesAsync(schedule.Id));
        Assert.Equal((DeliveryStatus.Queued, Utc("2026-03-09T10:00:00Z")), (delivery.Status, delivery.FireTime));
        var after = await _host.ScheduleAsync(schedule.Id);
        Assert.True(after.Enabled);
        Assert.Null(after.NextFireTime);
    }

    [Fact]
    public async Task DisabledSchedule_IsNeverMaterialized()
    {
        var schedule = await _host.CreateScheduleAsync(_accountId, "0 * * * * ?");
        await _host.InScopeAsync((ScheduleService service) =>
            service.SetEnabledAsync(schedule.Id, null, enabled: false, CancellationToken.None));
        _clock.Advance(TimeSpan.FromMinutes(30));

        Assert.Equal(0, await _host.MaterializeAsync());

        Assert.Empty(await _host.DeliveriesAsync(schedule.Id));
    }
}

public sealed class ScheduleMaterializerTestsOnMariaDb(MariaDbDatabase database) : ScheduleMaterializerTests<MariaDbDatabase>(database);

public sealed class ScheduleMaterializerTestsOnSqlite(SqliteDatabase database) : ScheduleMaterializerTests<SqliteDatabase>(database);
