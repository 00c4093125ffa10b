namespace Notifier.Bench;

/// <summary>The bench's entry point (not top-level statements: the Api's <c>Program</c> must stay the only one in scope).</summary>
internal static class BenchProgram
{
    public static async Task Main(string[] args)
    {
        // The fake Kakao answers on thread-pool threads and sleeps its latency there: enough threads so that it, not the
        // pool's slow growth, sets the pace.
        ThreadPool.SetMinThreads(256, 256);
        var options = BenchOptions.Parse(args);
        var root = Environment.GetEnvironmentVariable("NOTIFIER_BENCH_MARIADB")
            ?? throw new InvalidOperationException("NOTIFIER_BENCH_MARIADB is not set: run bench/run.sh");
        var only = Environment.GetEnvironmentVariable("NOTIFIER_BENCH_ONLY")?.Split(',') ?? ["burst", "rest", "upkeep", "memory", "start"];
        Console.WriteLine($"Notifier bench: {options}");

        await using var world = await BenchWorld.CreateAsync(root, options);
        using (var setup = await world.StartHostAsync(dispatch: false, new Dictionary<string, string?> { ["Database:MigrateOnStart"] = "true" }))
        {
            await Seeding.ConnectFirstAsync(world, setup);
            await setup.StopAsync();
        }

        await Seeding.EnsureAccountsAsync(world, options.Accounts);
        var table = new ResultTable();
        if (only.Contains("burst"))
        {
            await Settle.WaitAsync("burst");
            var calibration = await FakeAloneBench.RunAsync(world, table);
            await BurstBench.RunAsync(world, table, calibration);
        }

        if (only.Contains("rest"))
        {
            await Settle.WaitAsync("rest");
            await RestBench.RunAsync(world, table);
            // What the REST run accepted is not sent by anyone here; out of the way of the next figures.
            await world.ScalarAsync("DELETE FROM deliveries WHERE Status = 'queued'");
        }

        if (only.Contains("upkeep"))
        {
            await Settle.WaitAsync("upkeep");
            await UpkeepBench.RunAsync(world, table);
        }

        if (only.Contains("memory"))
        {
            await Settle.WaitAsync("memory");
            await MemoryBench.RunAsync(world, table);
            await FloorBench.RunAsync(world, table);
        }

        if (only.Contains("start"))
        {
            await Settle.WaitAsync("start");
            await StartBench.RunAsync(world, table);
        }

        table.Print(Console.Out);
    }
}
