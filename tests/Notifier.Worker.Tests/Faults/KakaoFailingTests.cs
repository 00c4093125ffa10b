using Microsoft.Extensions.DependencyInjection;
using Notifier.Core.Deliveries;
using Notifier.Testing.Kakao;
using Notifier.Worker.Tests.Support;
using Xunit.Abstractions;

namespace Notifier.Worker.Tests.Faults;

/// <summary>
/// 1,000 messages while Kakao answers 20% -9798 (its JSON 503: not done), 3% -10 (app rate limit) and 2% too slowly (the client times out after the
/// request left; half of those memos arrive anyway). Two dispatchers; the clock moves on whenever nothing is due.
/// </summary>
[RunsLong]
public sealed class KakaoFailingTests(WorkerWorld world, ITestOutputHelper output) : IClassFixture<WorkerWorld>
{
    private const int Messages = 1000;

    [Fact]
    public async Task EveryMessageIsSentOnce_ExceptTimeoutsAfterTheRequestLeft_WhichAreUnknownAndCounted()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Dispatch:DailyCap"] = "100000",
            ["Dispatch:Parallelism"] = "32",
            ["Dispatch:RetryBaseSeconds"] = "1",
            ["Dispatch:RetryMaxSeconds"] = "60",
            ["Kakao:TimeoutSeconds"] = "2",
            ["Database:MigrateOnStart"] = "false",
        };
        long accountId;
        using (var setup = await world.StartCoreHostAsync(Burst.UncappedQueue))
        {
            accountId = (await world.ConnectAsync(setup, 6001, "Flaky")).Id;
            await Burst.EnqueueAsync(setup, accountId, Messages, "flaky");
            await setup.StopAsync();
        }

        using var a = await world.StartCoreHostAsync(new Dictionary<string, string?>(settings) { ["Dispatch:NodeId"] = "node-a" });
        using var b = await world.StartCoreHostAsync(new Dictionary<string, string?>(settings) { ["Dispatch:NodeId"] = "node-b" });

        var random = new Random(6001);
        world.Kakao.MemoFaultPolicy = _ =>
        {
            double roll;
            lock (random)
            {
                roll = random.NextDouble();
            }

            return roll switch
            {
                < 0.20 => MemoFault.Error(-9798),
                < 0.23 => MemoFault.Error(-10),
                < 0.24 => MemoFault.Slow(TimeSpan.FromSeconds(3), delivered: true),
                < 0.25 => MemoFault.Slow(TimeSpan.FromSeconds(3), delivered: false),
                _ => null,
            };
        };

        var rounds = 0;
        var started = DateTime.UtcNow;
        while (true)
        {
            var handled = await Task.WhenAll(
                a.Services.GetRequiredService<DeliveryDispatcher>().DispatchOnceAsync(CancellationToken.None),
                b.Services.GetRequiredService<DeliveryDispatcher>().DispatchOnceAsync(CancellationToken.None));
            rounds++;
            if (handled.Sum() > 0)
            {
                continue;
            }

            var statuses = await Burst.StatusesAsync(a, accountId);
            if (statuses.Values.All(s => s is DeliveryStatus.Sent or DeliveryStatus.Unknown or DeliveryStatus.Failed) || rounds > 2000)
            {
                break;
            }

            world.Clock.Advance(TimeSpan.FromMinutes(30)); // past every backoff and any -10 wait but the longest (an hour)
        }

        var count = MessageCount.Of(await Burst.StatusesAsync(a, accountId), world.Kakao);
        output.WriteLine($"{count}; {rounds} rounds, {world.Kakao.MemoRequests} memo requests, {(DateTime.UtcNow - started).TotalSeconds:F1} s");
        Assert.Equal(Messages, count.Requested);
        Assert.Equal(0, count.Lost);
        Assert.Equal(0, count.Duplicated);
        Assert.Equal(Messages, count.Sent + count.Unknown);
        Assert.InRange(count.Unknown, 1, 100); // about 2% of all tries time out
    }
}
