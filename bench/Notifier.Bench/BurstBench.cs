using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using static Notifier.Bench.ResultTable;

namespace Notifier.Bench;

/// <summary>Figures 1 and 2: N deliveries due at once, sent by one dispatcher, then by two, with the server's counters.</summary>
internal static class BurstBench
{
    public static async Task RunAsync(BenchWorld world, ResultTable table, FakeAloneBench.Calibration calibration)
    {
        var o = world.Options;
        var limit = TimeSpan.FromMilliseconds((double)o.Deliveries * o.LatencyMs / o.Parallelism);

        // A first, unmeasured burst: JIT, EF's query cache and the connection pool warm up as in a Worker that has run a while.
        var warmUp = Math.Max(o.Parallelism, o.Deliveries / 10);
        Console.WriteLine($"Warm-up burst of {warmUp} (not measured)...");
        await BurstAsync(world, dispatchers: 2, count: warmUp);

        Console.WriteLine($"Burst: {o.Deliveries} deliveries for {o.Accounts} accounts, one dispatcher (P={o.Parallelism}, batch {o.BatchSize})...");
        var one = await BurstAsync(world, dispatchers: 1);
        var oneRate = o.Deliveries / one.Elapsed.TotalSeconds;
        var oneRatio = one.Elapsed / limit;
        table.Add(new Figure($"1a. burst {o.Deliveries} / {o.Accounts} accounts, 1 dispatcher", $"{N(one.Elapsed.TotalSeconds)} s ({N(oneRate, "0")}/s)",
            $"{N(limit.TotalSeconds)} s (N×{o.LatencyMs} ms/P)", $"{N(oneRatio)}× (calibration {N(calibration.Ratio)}×)", "≤ 1.15× and ≤ calibration + 0.1",
            oneRatio <= 1.15 && oneRatio <= calibration.Ratio + 0.1));

        var questions = one.Counters.GetValueOrDefault("Questions") - one.OwnStatements;
        var perMessage = (double)questions / o.Deliveries;
        table.Add(new Figure("2. DB statements per delivered message (pool reset on)", $"{N(perMessage)} ({questions} Questions)", "1.5",
            $"{N(perMessage / 1.5)}×", "≤ 1.5", perMessage <= 1.5));
        var dispatcherCpu = one.CpuMsPerMessage - calibration.CpuMsPerMessage;
        table.Add(new Figure("1e. dispatcher CPU per message (1a's bench process minus the calibration's)", $"{N(dispatcherCpu, "0.00")} ms ({N(one.CpuMsPerMessage, "0.00")} − {N(calibration.CpuMsPerMessage, "0.00")})",
            "0.6 ms", $"{N(dispatcherCpu / 0.6)}×", "≤ 0.6 ms", dispatcherCpu <= 0.6));
        Console.WriteLine("   counters: " + string.Join(", ", one.Counters.OrderByDescending(p => p.Value).Select(p => $"{p.Key}={p.Value}")));

        Console.WriteLine("Burst again, two dispatchers (two hosts, two NodeIds) on the same database...");
        var two = await BurstAsync(world, dispatchers: 2);
        var twoRate = o.Deliveries / two.Elapsed.TotalSeconds;
        table.Add(new Figure("1b. same burst, 2 dispatchers", $"{N(two.Elapsed.TotalSeconds)} s ({N(twoRate, "0")}/s)",
            $"{N(limit.TotalSeconds / 2)} s", $"{N(twoRate / oneRate)}× the 1-dispatcher rate", "≥ 1.85×", twoRate / oneRate >= 1.85));

        // Not a product change: the pool's reset on every open (COM_RESET_CONNECTION, then SET NAMES) costs two round
        // trips per open; this shows what they cost here.
        Console.WriteLine("Burst again, one dispatcher, 'Connection Reset=false' in the connection string (configuration only)...");
        var noReset = await BurstAsync(world, dispatchers: 1, new Dictionary<string, string?> { ["ConnectionStrings:Notifier"] = world.ConnectionString + ";Connection Reset=false" });
        var noResetQuestions = noReset.Counters.GetValueOrDefault("Questions") - noReset.OwnStatements;
        table.Add(new Figure("1c/2c. same burst, 1 dispatcher, Connection Reset=false", $"{N(noReset.Elapsed.TotalSeconds)} s ({N(o.Deliveries / noReset.Elapsed.TotalSeconds, "0")}/s), {N((double)noResetQuestions / o.Deliveries)} statements/message",
            $"{N(limit.TotalSeconds)} s", $"{N(noReset.Elapsed / limit)}×", "(diagnostic)", null));

        // The first measured burst still pays for tiered JIT recompilation; the same burst once more, fully warm.
        Console.WriteLine("Burst again, one dispatcher, default settings, fully warm...");
        var again = await BurstAsync(world, dispatchers: 1);
        var againRate = o.Deliveries / again.Elapsed.TotalSeconds;
        table.Add(new Figure("1d. same burst, 1 dispatcher again (warm)", $"{N(again.Elapsed.TotalSeconds)} s ({N(againRate, "0")}/s)",
            $"{N(limit.TotalSeconds)} s", $"{N(again.Elapsed / limit)}×; 2 dispatchers = {N(twoRate / againRate)}× this rate; CPU {N(again.CpuMsPerMessage - calibration.CpuMsPerMessage, "0.00")} ms/message",
            "≤ 1.15×; ≥ 1.85×", again.Elapsed / limit <= 1.15 && twoRate / againRate >= 1.85));
    }

    private static async Task<BurstResult> BurstAsync(BenchWorld world, int dispatchers, Dictionary<string, string?>? overrides = null, int? count = null)
    {
        var o = world.Options with { Deliveries = count ?? world.Options.Deliveries };
        var hosts = new List<IHost>();
        for (var i = 0; i < dispatchers; i++)
        {
            hosts.Add(await world.StartHostAsync(dispatch: true, new Dictionary<string, string?>(overrides ?? []) { ["Dispatch:NodeId"] = $"bench-{dispatchers}-{i}-{Guid.NewGuid():N}" }));
        }

        try
        {
            var sentBefore = await world.ScalarAsync("SELECT COUNT(*) FROM deliveries WHERE Status = 'sent'");
            var memosBefore = world.Kakao.Memos.Count;
            var before = await DbCounters.ReadAsync(world.ConnectionString);
            var cpu = new CpuMeter();
            var clock = Stopwatch.StartNew();
            await Seeding.InsertDueAsync(world, o.Deliveries, o.Accounts);
            // The fake's own count first (no statements), then the database, to count only finished rows.
            while (world.Kakao.Memos.Count - memosBefore < o.Deliveries)
            {
                await Task.Delay(20);
                if (clock.Elapsed > TimeSpan.FromMinutes(30))
                {
                    throw new TimeoutException($"Only {world.Kakao.Memos.Count - memosBefore} of {o.Deliveries} memos after 30 minutes");
                }
            }

            var own = 2L; // the insert and the first SHOW STATUS
            while (await world.ScalarAsync("SELECT COUNT(*) FROM deliveries WHERE Status = 'sent'") - sentBefore < o.Deliveries)
            {
                own++;
                await Task.Delay(5);
            }

            own++;
            var elapsed = clock.Elapsed;
            var (self, server) = cpu.Elapsed();
            Console.WriteLine($"   CPU: bench process (dispatchers + fake Kakao) {N(self.TotalSeconds)} s = {N(self.TotalMilliseconds / o.Deliveries, "0.00")} ms/message, " +
                              $"mariadbd {N(server.TotalSeconds)} s = {N(server.TotalMilliseconds / o.Deliveries, "0.00")} ms/message, over {N(elapsed.TotalSeconds)} s wall on {Environment.ProcessorCount} cores");
            var after = await DbCounters.ReadAsync(world.ConnectionString);
            var duplicates = world.Kakao.Memos.Count - memosBefore - o.Deliveries;
            if (duplicates != 0)
            {
                Console.WriteLine($"   WARNING: {duplicates} memos beyond the deliveries");
            }

            return new BurstResult(elapsed, after.Since(before), own, self.TotalMilliseconds / o.Deliveries);
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.StopAsync();
                host.Dispose();
            }
        }
    }

    private sealed record BurstResult(TimeSpan Elapsed, IReadOnlyDictionary<string, long> Counters, long OwnStatements, double CpuMsPerMessage);
}
