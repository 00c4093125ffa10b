using Microsoft.Extensions.Hosting;
using Notifier.Testing;
using Notifier.Testing.Database;
using Notifier.Testing.Hosting;
using Notifier.Testing.Kakao;
using Notifier.Worker.Tests.Support;

namespace Notifier.Worker.Tests.Faults;

/// <summary>
/// A burst of 1,000 memos sent by two Worker processes against a Kakao that answers in about 20 ms, with a fault
/// injected once a third of them are sent. Counts every message and checks the tokens never appear in plain text.
/// </summary>
public sealed class BurstRun(WorkerWorld world)
{
    public const int Messages = 1000;

    private const int Parallelism = 16;
    private const int BatchSize = 32;

    /// <summary>
    /// What the two Workers can hold claimed and not yet recorded (DispatchPipeline): each Parallelism sends in flight,
    /// up to Parallelism rows waiting for a sender, the page being handed over, and up to Parallelism finished sends
    /// waiting to be recorded.
    /// </summary>
    public const int HeldAtMost = 2 * ((3 * Parallelism) + BatchSize);

    public IHost Setup { get; private set; } = null!;

    public long AccountId { get; private set; }

    public async Task<(MessageCount Count, long InFlightAtFault)> RunAsync(long kakaoUserId, Func<WorkerProcess, WorkerProcess, Task<long>> fault)
    {
        ThreadPool.SetMinThreads(200, 200); // the fake Kakao holds a thread per slow answer
        world.Clock.SetUtcNow(DateTimeOffset.UtcNow); // real time: the fake's tokens stay valid throughout
        Setup = await world.StartCoreHostAsync(Burst.UncappedQueue);
        AccountId = (await world.ConnectAsync(Setup, kakaoUserId, "Burst")).Id;
        await Burst.EnqueueAsync(Setup, AccountId, Messages, $"burst{kakaoUserId}");
        world.Kakao.MemoFaultPolicy = _ => MemoFault.Slow(TimeSpan.FromMilliseconds(20), delivered: true);

        var settings = world.Settings(new Dictionary<string, string?>
        {
            ["Database:MigrateOnStart"] = "false",
            ["Schedules:JobsEnabled"] = "false",
            ["Dispatch:Parallelism"] = Parallelism.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Dispatch:BatchSize"] = BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Dispatch:LeaseSeconds"] = "5",
            ["Dispatch:PollIntervalMilliseconds"] = "100",
            ["Dispatch:DailyCap"] = "100000",
        });
        using var a = WorkerProcess.Start(new Dictionary<string, string?>(settings) { ["Dispatch:NodeId"] = "worker-a" }, "a");
        using var b = WorkerProcess.Start(new Dictionary<string, string?>(settings) { ["Dispatch:NodeId"] = "worker-b" }, "b");
        await Eventually.MatchAsync(SentAsync, n => n >= Messages / 3, "a third of the burst sent", PublishedProcess.StartPatience);
        var inFlight = await fault(a, b);
        await Eventually.MatchAsync(async () => (await Burst.StatusesAsync(Setup, AccountId)).Values.Count(s => s == Core.Deliveries.DeliveryStatus.Sent),
            n => n == Messages, "every message sent", TimeSpan.FromSeconds(120));

        var count = MessageCount.Of(await Burst.StatusesAsync(Setup, AccountId), world.Kakao);
        SecretScan.AssertNowhere(world.Kakao.IssuedSecrets, await SecretScan.DatabaseTextAsync(world.ConnectionString), a.Output + b.Output + string.Join('\n', world.Logs.Lines));
        await Setup.StopAsync();
        return (count, inFlight);
    }

    public Task<long> SentAsync() => CountAsync("SELECT COUNT(*) FROM deliveries WHERE Status = 'sent'");

    public async Task<long> CountAsync(string sql) =>
        Convert.ToInt64(await TestMariaDb.ScalarAsync(world.ConnectionString, sql), System.Globalization.CultureInfo.InvariantCulture);
}
