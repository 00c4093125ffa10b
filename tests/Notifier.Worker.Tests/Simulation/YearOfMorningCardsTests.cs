using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Notifier.Core.Accounts;
using Notifier.Core.Data;
using Notifier.Core.Deliveries;
using Notifier.Core.Messages;
using Notifier.Core.Schedules;
using Notifier.Worker.Tests.Support;
using Xunit.Abstractions;

namespace Notifier.Worker.Tests.Simulation;

/// <summary>
/// A year of a daily 08:30 (Seoul) card for one account connected once, with time moved through the clock against a
/// fake Kakao on Kakao's real lifetimes (access 6 h, refresh 60 days, rotated only in its last month). The Worker's
/// passes run at the times its Quartz triggers would fire them; for a 7-day stretch no Worker runs at all.
/// </summary>
[RunsLong]
public sealed class YearOfMorningCardsTests(WorkerWorld world, ITestOutputHelper output) : IClassFixture<WorkerWorld>
{
    private static readonly TimeSpan Kst = TimeSpan.FromHours(9);
    private static readonly DateOnly FirstDay = new(2026, 1, 2);
    private static readonly DateOnly OutageFrom = FirstDay.AddDays(150);
    private const int OutageDays = 7;
    private const int Days = 365;

    [Fact]
    public async Task EveryDayAWorkerRuns_TheCardArrivesOnce_AndTheAccountNeverNeedsReauthorization()
    {
        world.Clock.SetUtcNow(At(FirstDay.AddDays(-1), 12, 0));
        using var host = await world.StartCoreHostAsync();
        var account = await world.ConnectAsync(host, kakaoUserId: 365, "Morning person");
        var scheduleId = await WorkerWorld.InScopeAsync(host, async s =>
        {
            var change = await s.GetRequiredService<ScheduleService>().CreateAsync(new ScheduleDraft
            {
                AccountId = account.Id,
                Name = "Morning card",
                Cron = "0 30 8 * * ?",
                Message = new MessageContent { Card = new CardContent { Title = "Good morning", Description = "Today's digest" } },
            }, CancellationToken.None);
            return Assert.IsType<ScheduleChange.Saved>(change).Schedule.Id;
        });

        var runningDays = new List<DateOnly>();
        for (var day = FirstDay; day < FirstDay.AddDays(Days); day = day.AddDays(1))
        {
            if (day >= OutageFrom && day < OutageFrom.AddDays(OutageDays))
            {
                continue; // no Worker runs: nothing happens at all
            }

            runningDays.Add(day);
            await RunWorkerDayAsync(host, day);
        }

        var memosByDay = world.Kakao.Memos.Where(m => m.UserId == 365)
            .GroupBy(m => DateOnly.FromDateTime((m.ReceivedAt + Kst).DateTime)).ToDictionary(g => g.Key, g => g.Count());
        var deliveries = await WorkerWorld.InScopeAsync(host, s => s.GetRequiredService<NotifierDbContext>().Deliveries.AsNoTracking()
            .Where(d => d.ScheduleId == scheduleId).ToListAsync());
        var accountNow = await WorkerWorld.InScopeAsync(host, s => s.GetRequiredService<NotifierDbContext>().Accounts.AsNoTracking().SingleAsync(a => a.Id == account.Id));
        output.WriteLine($"days with a Worker: {runningDays.Count}; memos: {memosByDay.Values.Sum()}; deliveries: {deliveries.Count} " +
            $"(sent {deliveries.Count(d => d.Status == DeliveryStatus.Sent)}, skipped {deliveries.Count(d => d.Status == DeliveryStatus.Skipped)}); " +
            $"refreshes: {world.Kakao.RefreshCount}, refresh-token rotations: {world.Kakao.RotationCount}");

        Assert.All(runningDays, day => Assert.Equal(1, memosByDay.GetValueOrDefault(day)));
        Assert.Equal(runningDays.Count, memosByDay.Values.Sum());
        Assert.All(deliveries.Where(d => d.Status == DeliveryStatus.Sent), d => Assert.InRange((d.SentAt!.Value - d.FireTime!.Value).TotalSeconds, 0, 60));
        var skipped = deliveries.Where(d => d.Status == DeliveryStatus.Skipped).Select(d => KstDay(d.FireTime!.Value)).Order().ToList();
        Assert.Equal(Enumerable.Range(0, OutageDays).Select(i => OutageFrom.AddDays(i)), skipped);
        Assert.Equal(runningDays.Count + OutageDays, deliveries.Count);
        Assert.Equal(AccountStatus.Active, accountNow.Status);
        Assert.True(world.Kakao.RotationCount >= 10, $"the refresh token should rotate about monthly; it rotated {world.Kakao.RotationCount} times");
        Assert.True(accountNow.RefreshTokenExpiresAt > world.Clock.GetUtcNow().UtcDateTime.AddDays(25));
        await host.StopAsync();
    }

    // What the Worker's triggers do on a day: the upkeep job at 04:00, the schedule poll before and at 08:30, the dispatcher.
    private async Task RunWorkerDayAsync(IHost host, DateOnly day)
    {
        world.Clock.SetUtcNow(At(day, 4, 0));
        await host.Services.GetRequiredService<TokenUpkeep>().RunAsync(CancellationToken.None);
        await MaterializeAsync(host);
        world.Clock.SetUtcNow(At(day, 8, 29, 45));
        await MaterializeAsync(host);
        var dispatcher = host.Services.GetRequiredService<DeliveryDispatcher>();
        Assert.Equal(0, await dispatcher.DispatchOnceAsync(CancellationToken.None));
        world.Clock.SetUtcNow(At(day, 8, 30, 0));
        await MaterializeAsync(host);
        Assert.Equal(1, await dispatcher.DispatchOnceAsync(CancellationToken.None));
    }

    private static Task<int> MaterializeAsync(IHost host) =>
        WorkerWorld.InScopeAsync(host, s => s.GetRequiredService<ScheduleMaterializer>().RunAsync(CancellationToken.None));

    private static DateTimeOffset At(DateOnly kstDay, int hour, int minute, int second = 0) =>
        new DateTimeOffset(kstDay.ToDateTime(new TimeOnly(hour, minute, second)), Kst).ToUniversalTime();

    private static DateOnly KstDay(DateTime utc) => DateOnly.FromDateTime(utc + Kst);
}
