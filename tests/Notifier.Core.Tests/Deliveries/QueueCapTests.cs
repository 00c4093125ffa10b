using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Notifier.Core.Data;
using Notifier.Core.Deliveries;
using Notifier.Core.Tests.Schedules;
using Notifier.Testing.Database;
using Notifier.Testing.Time;

namespace Notifier.Core.Tests.Deliveries;

/// <summary><c>Dispatch:MaxQueuedPerAccount</c> (here 3) at the intake and at schedule fires, on each database.</summary>
public abstract class QueueCapTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : class, ITestDatabase
{
    private const int Cap = 3;
    private readonly FakeTimeProvider _clock = TestClock.Create(new DateTimeOffset(2026, 3, 9, 0, 0, 30, TimeSpan.Zero));
    private ScheduleHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await ScheduleHost.StartAsync(database, _clock, new Dictionary<string, string?> { ["Dispatch:MaxQueuedPerAccount"] = "3" });
        await _host.ClearAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Intake_AtTheCap_RefusesAndStoresNothing_ThenAcceptsOnceOneIsSettled()
    {
        var accountId = await _host.AddAccountAsync();
        var other = await _host.AddAccountAsync();
        var accepted = new List<long>();
        for (var i = 0; i < Cap; i++)
        {
            accepted.Add(Assert.IsType<IntakeResult.Accepted>(await EnqueueAsync(accountId, $"m{i}")).Delivery.Id);
        }

        var full = Assert.IsType<IntakeResult.QueueFull>(await EnqueueAsync(accountId, "over"));
        Assert.Equal((accountId, Cap), (full.AccountId, full.Max));
        Assert.Equal(Cap, await CountAsync(accountId));
        Assert.IsType<IntakeResult.Accepted>(await EnqueueAsync(other, "another account has room"));

        // A row being sent still waits; a sent one does not.
        await SetStatusAsync(accepted[0], DeliveryStatus.Sending);
        Assert.IsType<IntakeResult.QueueFull>(await EnqueueAsync(accountId, "still over"));
        await SetStatusAsync(accepted[0], DeliveryStatus.Sent);
        Assert.IsType<IntakeResult.Accepted>(await EnqueueAsync(accountId, "room again"));
    }

    [Fact]
    public async Task ScheduleFires_OverTheCap_AreRecordedSkippedWithTheReason()
    {
        var accountId = await _host.AddAccountAsync();
        for (var i = 0; i < Cap - 1; i++)
        {
            Assert.IsType<IntakeResult.Accepted>(await EnqueueAsync(accountId, $"m{i}"));
        }

        var schedule = await _host.CreateScheduleAsync(accountId, "0 * * * * ?");
        _clock.Advance(TimeSpan.FromMinutes(3)); // fires at 00:01, 00:02, 00:03 and 00:04 (lookahead): one has room

        Assert.Equal(1, await _host.MaterializeAsync());

        var fires = await _host.DeliveriesAsync(schedule.Id);
        Assert.Equal([DeliveryStatus.Queued, DeliveryStatus.Skipped, DeliveryStatus.Skipped, DeliveryStatus.Skipped], fires.Select(d => d.Status));
        Assert.All(fires.Skip(1), d => Assert.Contains("Dispatch:MaxQueuedPerAccount", d.LastError, StringComparison.Ordinal));
        Assert.Equal(Cap, await CountAsync(accountId));
    }

    private Task<IntakeResult> EnqueueAsync(long accountId, string marker) =>
        _host.InScopeAsync((DeliveryIntake intake) => intake.EnqueueAsync(accountId, $$"""{"object_type":"text","text":"{{marker}}"}""", null, marker, CancellationToken.None));

    private Task<int> CountAsync(long accountId) => _host.InScopeAsync((NotifierDbContext db) =>
        db.Deliveries.CountAsync(d => d.AccountId == accountId && (d.Status == DeliveryStatus.Queued || d.Status == DeliveryStatus.Sending)));

    private Task<int> SetStatusAsync(long id, DeliveryStatus status) => _host.InScopeAsync((NotifierDbContext db) =>
        db.Deliveries.Where(d => d.Id == id).ExecuteUpdateAsync(u => u.SetProperty(d => d.Status, status)));
}

public sealed class QueueCapTestsOnMariaDb(MariaDbDatabase database) : QueueCapTests<MariaDbDatabase>(database);

public sealed class QueueCapTestsOnSqlite(SqliteDatabase database) : QueueCapTests<SqliteDatabase>(database);
