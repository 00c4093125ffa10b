using System.Globalization;
using Notifier.Testing.Database;
using Notifier.Testing.Time;

namespace Notifier.Core.Tests.Schedules;

/// <summary>Several nodes materializing the same schedules at once: every fire becomes exactly one delivery.</summary>
[RunsLong]
public sealed class ScheduleMaterializerConcurrencyTests(MariaDbDatabase database) : IClassFixture<MariaDbDatabase>
{
    private const int Schedules = 24;
    private const int MissedMinutes = 30;

    [Fact]
    public async Task TwoHostsRunningTheMaterializerTogether_CreateEachFireOnce()
    {
        var clock = TestClock.Create(new DateTimeOffset(2026, 3, 9, 0, 0, 30, TimeSpan.Zero));
        // A small batch so the runs take turns over the rows and meet on the locks; 744 fires of one account are over the
        // default queue cap.
        var settings = new Dictionary<string, string?> { ["Schedules:BatchSize"] = "5", ["Dispatch:MaxQueuedPerAccount"] = "100000" };
        await using var first = await ScheduleHost.StartAsync(database, clock, settings);
        await using var second = await ScheduleHost.StartAsync(database, clock, settings);
        var accountId = await first.AddAccountAsync();
        for (var i = 0; i < Schedules; i++)
        {
            await first.CreateScheduleAsync(accountId, "0 * * * * ?", $"memo {i}");
        }

        clock.Advance(TimeSpan.FromMinutes(MissedMinutes));
        var runs = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => (i % 2 == 0 ? first : second).MaterializeAsync())));

        // Each schedule missed minutes 1..30 and has minute 31 inside the lookahead: 31 fires each, all in the window.
        const int expected = Schedules * (MissedMinutes + 1);
        Assert.Equal(expected, runs.Sum());
        Assert.Equal(expected, await CountAsync("SELECT COUNT(*) FROM deliveries"));
        Assert.Equal(expected, await CountAsync("SELECT COUNT(DISTINCT ScheduleId, FireTime) FROM deliveries"));
        Assert.Equal(0, await first.MaterializeAsync());
        Assert.Equal(0, await second.MaterializeAsync());
        Assert.Equal(Schedules, await CountAsync("SELECT COUNT(*) FROM schedules WHERE NextFireTime = '2026-03-09 00:32:00'"));
    }

    private async Task<long> CountAsync(string sql) =>
        Convert.ToInt64(await database.ScalarAsync(sql), CultureInfo.InvariantCulture);
}
