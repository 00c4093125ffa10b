using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Notifier.Core.Data;
using Notifier.Core.Deliveries;
using Notifier.Core.Messages;
using Notifier.Core.Schedules;
using Notifier.Testing;
using Notifier.Testing.Database;
using Notifier.Testing.Hosting;
using Notifier.Worker.Tests.Support;
using Xunit.Abstractions;

namespace Notifier.Worker.Tests.Cluster;

/// <summary>
/// Two Worker processes on one MariaDB run an every-second schedule through Quartz's clustered store; one is killed
/// with SIGKILL mid-run, the other finishes alone and then stops on SIGTERM. Every fire is delivered, none twice.
/// </summary>
[RunsLong]
public sealed class TwoWorkerProcessesTests(WorkerWorld world, ITestOutputHelper output) : IClassFixture<WorkerWorld>
{
    private const int FiresBeforeKill = 12;
    private const int FiresAfterKill = 12;

    [Fact]
    public async Task EveryFireIsDeliveredExactlyOnce_AcrossTwoWorkers_AndAfterOneIsKilled()
    {
        world.Clock.SetUtcNow(DateTimeOffset.UtcNow); // real time here; the fake Kakao's tokens stay valid throughout
        // A fire every second makes the cluster's work visible; the host creating it lowers the minimum interval for it.
        using var host = await world.StartCoreHostAsync(new Dictionary<string, string?> { ["Schedules:MinimumIntervalSeconds"] = "1" });
        var account = await world.ConnectAsync(host, 8001, "Cluster");
        var settings = world.Settings(new Dictionary<string, string?>
        {
            ["Database:MigrateOnStart"] = "false",
            ["Schedules:PollSeconds"] = "1",
            ["Schedules:LookaheadSeconds"] = "2",
            ["Dispatch:PollIntervalMilliseconds"] = "100",
            ["Dispatch:LeaseSeconds"] = "5",
            ["Dispatch:DailyCap"] = "100000",
            ["Serilog:MinimumLevel:Default"] = "Warning",
        });
        using var a = WorkerProcess.Start(settings, "a");
        using var b = WorkerProcess.Start(settings, "b");
        await Eventually.TrueAsync(() => File.Exists(a.HealthFile) && File.Exists(b.HealthFile), "both Workers healthy", PublishedProcess.StartPatience);
        await Eventually.MatchAsync(() => ScalarAsync("SELECT COUNT(*) FROM QRTZ_SCHEDULER_STATE"), n => n >= 2, "both nodes checked in to the Quartz cluster", TimeSpan.FromSeconds(30));

        var scheduleId = await WorkerWorld.InScopeAsync(host, async s =>
        {
            var change = await s.GetRequiredService<ScheduleService>().CreateAsync(new ScheduleDraft
            {
                AccountId = account.Id,
                Name = "Every second",
                Cron = "* * * * * ?",
                Message = new MessageContent { Text = "tick" },
            }, CancellationToken.None);
            return Assert.IsType<ScheduleChange.Saved>(change).Schedule.Id;
        });

        await Eventually.MatchAsync(() => SentAsync(scheduleId), n => n >= FiresBeforeKill, $"{FiresBeforeKill} fires sent by two Workers", TimeSpan.FromSeconds(60));
        var inFlight = await ScalarAsync($"SELECT COUNT(*) FROM deliveries WHERE ScheduleId = {scheduleId} AND Status = 'sending'");
        a.Kill();
        var sentAtKill = await SentAsync(scheduleId);
        await Eventually.MatchAsync(() => SentAsync(scheduleId), n => n >= sentAtKill + FiresAfterKill, $"{FiresAfterKill} more fires sent by the survivor", TimeSpan.FromSeconds(60));

        await WorkerWorld.InScopeAsync(host, s => s.GetRequiredService<ScheduleService>().SetEnabledAsync(scheduleId, null, false, CancellationToken.None));
        var deliveries = await Eventually.MatchAsync(
            () => WorkerWorld.InScopeAsync(host, s => s.GetRequiredService<NotifierDbContext>().Deliveries.AsNoTracking().Where(d => d.ScheduleId == scheduleId).ToListAsync()),
            all => all.All(d => d.Status is DeliveryStatus.Sent), "every fire settled as sent (the killed Worker's leases run out after 5 s)", TimeSpan.FromSeconds(30));
        var exitCode = await b.TerminateAsync(TimeSpan.FromSeconds(30));

        var fires = deliveries.Select(d => d.FireTime!.Value).Order().ToList();
        var expected = Enumerable.Range(0, (int)(fires[^1] - fires[0]).TotalSeconds + 1).Select(i => fires[0].AddSeconds(i)).ToList();
        var memos = world.Kakao.Memos.Count(m => m.UserId == 8001);
        var duplicates = memos - deliveries.Count;
        output.WriteLine($"fires: {fires.Count}, sent: {deliveries.Count(d => d.Status == DeliveryStatus.Sent)}, memos at Kakao: {memos}, " +
            $"duplicates: {duplicates}, lost: {expected.Except(fires).Count()}, in flight at the kill: {inFlight}, survivor exit code: {exitCode}");

        Assert.Equal(expected, fires); // one delivery for every second from the first fire to the last: nothing lost
        Assert.InRange(duplicates, 0, inFlight); // a memo twice only if Kakao took it and the kill came before the record
        Assert.Equal(0, exitCode);
        Assert.DoesNotContain("[ERR]", b.Output, StringComparison.Ordinal);
    }

    private Task<long> SentAsync(long scheduleId) =>
        ScalarAsync($"SELECT COUNT(*) FROM deliveries WHERE ScheduleId = {scheduleId} AND Status = 'sent'");

    private async Task<long> ScalarAsync(string sql) =>
        Convert.ToInt64(await TestMariaDb.ScalarAsync(world.ConnectionString, sql), System.Globalization.CultureInfo.InvariantCulture);
}
