using Microsoft.Extensions.Time.Testing;
using Notifier.Core.Schedules;
using Notifier.Testing.Database;
using Notifier.Testing.Time;
using static Notifier.Core.Tests.Schedules.ScheduleHost;

namespace Notifier.Core.Tests.Schedules;

/// <summary>The minimum interval and the per-account maximum (here 5), on each database, the maximum under concurrent creations.</summary>
public abstract class ScheduleLimitTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : class, ITestDatabase
{
    private const int Max = 5;
    private readonly FakeTimeProvider _clock = TestClock.Create(new DateTimeOffset(2026, 3, 9, 0, 0, 30, TimeSpan.Zero));
    private ScheduleHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await StartAsync(database, _clock, new Dictionary<string, string?> { ["Schedules:MaxPerAccount"] = Max.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await _host.ClearAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("* * * * * ?")]
    [InlineData("0/59 * * * * ?")]
    [InlineData("0,30 0 8 * * ?")]
    public async Task Create_FiringTooOften_IsInvalidOnCron_NamingTheSetting(string cron)
    {
        var accountId = await _host.AddAccountAsync();

        var change = await CreateAsync(accountId, cron);

        var error = Assert.Single(Assert.IsType<ScheduleChange.Invalid>(change).Errors["cron"]);
        Assert.Contains("Schedules:MinimumIntervalSeconds", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0 0/1 * * * ?")]
    [InlineData("* * * * *")] // Unix: every minute
    public async Task Create_EveryMinute_IsSaved(string cron)
    {
        var accountId = await _host.AddAccountAsync();

        Assert.IsType<ScheduleChange.Saved>(await CreateAsync(accountId, cron));
    }

    [Fact]
    public async Task Replace_WithACronFiringTooOften_IsInvalid_AndTheScheduleStaysAsItWas()
    {
        var accountId = await _host.AddAccountAsync();
        var schedule = await _host.CreateScheduleAsync(accountId, "0 0 8 * * ?");

        var change = await _host.InScopeAsync((ScheduleService s) => s.ReplaceAsync(schedule.Id, null, Draft(accountId, "*/5 * * * * ?", "fast"), CancellationToken.None));

        Assert.Contains("Schedules:MinimumIntervalSeconds", Assert.Single(Assert.IsType<ScheduleChange.Invalid>(change).Errors["cron"]), StringComparison.Ordinal);
        Assert.Equal("0 0 8 * * ?", (await _host.ScheduleAsync(schedule.Id)).Cron);
    }

    [Fact]
    public async Task Create_BeyondTheMaximum_IsRefusedNamingTheSetting_AndAnotherAccountIsNotAffected()
    {
        var full = await _host.AddAccountAsync();
        var other = await _host.AddAccountAsync();
        for (var i = 0; i < Max; i++)
        {
            Assert.IsType<ScheduleChange.Saved>(await CreateAsync(full, "0 0 8 * * ?"));
        }

        var refused = Assert.IsType<ScheduleChange.LimitReached>(await CreateAsync(full, "0 0 9 * * ?"));

        Assert.Equal(("Schedules:MaxPerAccount", Max), (refused.Setting, refused.Limit));
        Assert.Contains("Schedules:MaxPerAccount", refused.Detail, StringComparison.Ordinal);
        Assert.Equal(Max, (await _host.InScopeAsync((ScheduleService s) => s.ListAsync(full, CancellationToken.None))).Count);
        Assert.IsType<ScheduleChange.Saved>(await CreateAsync(other, "0 0 9 * * ?"));
    }

    [Fact]
    public async Task ConcurrentCreations_NeverPassTheMaximum()
    {
        var accountId = await _host.AddAccountAsync();

        var changes = await Task.WhenAll(Enumerable.Range(0, 4 * Max).Select(_ => Task.Run(() => CreateAsync(accountId, "0 0 8 * * ?"))));

        Assert.Equal(Max, changes.Count(c => c is ScheduleChange.Saved));
        Assert.Equal(3 * Max, changes.Count(c => c is ScheduleChange.LimitReached));
        Assert.Equal(Max, (await _host.InScopeAsync((ScheduleService s) => s.ListAsync(accountId, CancellationToken.None))).Count);
    }

    private Task<ScheduleChange> CreateAsync(long accountId, string cron) =>
        _host.InScopeAsync((ScheduleService s) => s.CreateAsync(Draft(accountId, cron, "limited"), CancellationToken.None));
}

public sealed class ScheduleLimitTestsOnMariaDb(MariaDbDatabase database) : ScheduleLimitTests<MariaDbDatabase>(database);

public sealed class ScheduleLimitTestsOnSqlite(SqliteDatabase database) : ScheduleLimitTests<SqliteDatabase>(database);
