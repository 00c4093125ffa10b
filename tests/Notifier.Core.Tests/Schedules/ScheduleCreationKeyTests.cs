using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Notifier.Core.Data;
using Notifier.Core.Jobs;
using Notifier.Core.Schedules;
using Notifier.Testing.Database;
using Notifier.Testing.Time;
using static Notifier.Core.Tests.Schedules.ScheduleHost;

namespace Notifier.Core.Tests.Schedules;

/// <summary>A schedule creation's Idempotency-Key (<see cref="CreationKey"/>) under concurrency, and how long it is kept.</summary>
public abstract class ScheduleCreationKeyTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : class, ITestDatabase
{
    private readonly FakeTimeProvider _clock = TestClock.Create(new DateTimeOffset(2026, 3, 9, 0, 0, 30, TimeSpan.Zero));
    private ScheduleHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await StartAsync(database, _clock);
        await _host.ClearAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task OneKey_SentConcurrentlyForTwoAccounts_MakesOneSchedule_TheRestReplayOrAreRefused()
    {
        var accounts = new[] { await _host.AddAccountAsync(), await _host.AddAccountAsync() };
        var key = $"race-{Guid.NewGuid():N}";

        // Ten creations at once, five per account: the same request per account, so each account's hash is its own.
        var changes = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() =>
        {
            var accountId = accounts[i % 2];
            return _host.InScopeAsync((ScheduleService s) =>
                s.CreateAsync(Draft(accountId, "0 0 9 * * ?", "raced"), new CreationKey("scope", key, $"hash-{accountId}"), CancellationToken.None));
        })));

        var saved = Assert.Single(changes.OfType<ScheduleChange.Saved>()).Schedule;
        Assert.All(changes.OfType<ScheduleChange.Replayed>(), r => Assert.Equal(saved.Id, r.Schedule.Id));
        // A replay for the winner's account, a refusal for the other's: never a second schedule, never an error.
        Assert.Equal(4, changes.OfType<ScheduleChange.Replayed>().Count());
        Assert.Equal(5, changes.OfType<ScheduleChange.KeyReused>().Count());
        Assert.Equal(1, await _host.InScopeAsync((NotifierDbContext db) => db.Schedules.CountAsync()));
    }

    [Fact]
    public async Task Housekeeping_ForgetsKeysOlderThanIdempotencyKeyHours_AndKeepsTheirSchedules()
    {
        var accountId = await _host.AddAccountAsync();
        await CreateAsync(accountId, "old");
        _clock.Advance(TimeSpan.FromHours(20));
        await CreateAsync(accountId, "recent");
        _clock.Advance(TimeSpan.FromHours(6)); // "old" is 26 h old, past the default 25; "recent" 6 h

        var job = new HousekeepingJob(_host.Services.GetRequiredService<IServiceScopeFactory>(), _clock,
            _host.Services.GetRequiredService<IOptions<ScheduleOptions>>());
        await job.Execute(null!, CancellationToken.None);

        Assert.Equal(["recent"], await _host.InScopeAsync((NotifierDbContext db) => db.ScheduleCreationKeys.Select(k => k.Key).ToListAsync()));
        Assert.Equal(2, await _host.InScopeAsync((NotifierDbContext db) => db.Schedules.CountAsync()));
        // The forgotten key creates anew.
        Assert.IsType<ScheduleChange.Saved>(await CreateAsync(accountId, "old"));
    }

    private Task<ScheduleChange> CreateAsync(long accountId, string key) =>
        _host.InScopeAsync((ScheduleService s) =>
            s.CreateAsync(Draft(accountId, "0 0 9 * * ?", key), new CreationKey("scope", key, "same"), CancellationToken.None));
}

public sealed class ScheduleCreationKeyTestsOnMariaDb(MariaDbDatabase database) : ScheduleCreationKeyTests<MariaDbDatabase>(database);

public sealed class ScheduleCreationKeyTestsOnSqlite(SqliteDatabase database) : ScheduleCreationKeyTests<SqliteDatabase>(database);
