using static Notifier.Bench.ResultTable;

namespace Notifier.Bench;

/// <summary>
/// Figure 5c–5f: the idle resident set of <c>bench/Notifier.Floor</c>, a host with the libraries a Notifier host loads and
/// none of Notifier's code (docs/decisions/0017, "The libraries' floor"). Beside 5a and 5b it says how much of a
/// host's memory is the libraries' and how much its own.
/// </summary>
internal static class FloorBench
{
    private static readonly (string Figure, string Parts, double? Limit, string Meaning)[] Floors =
    [
        ("5c. floor: a generic host and nothing else (published)", "", null, "(the runtime and the generic host)"),
        ("5d. floor: the Worker's libraries, no Notifier code (EF Core LINQ claim every 500 ms on Pomelo, Quartz clustered store, Data Protection)",
            "ef,quartz,dp", MemoryBench.WorkerIdleLimitMiB, "(what a Worker with these libraries starts from)"),
        ("5e. floor: 5d with the claim on MySqlConnector alone (no EF Core)", "ado,quartz,dp", MemoryBench.WorkerIdleLimitMiB, "(what a Worker without EF Core would start from)"),
        ("5f. floor: the Api's libraries, no Notifier code (ASP.NET Core, EF Core LINQ every 500 ms, Data Protection)",
            "web,ef,dp", MemoryBench.ApiIdleLimitMiB, "(what an Api with these libraries starts from)"),
    ];

    /// <summary>
    /// Runs 5c–5f; or, with <c>NOTIFIER_BENCH_FLOOR_PARTS</c> (part sets separated by <c>;</c>, <c>none</c> for the bare
    /// host, for example <c>none;ef;ado;quartz;dp;web</c>), those sets instead, each started
    /// <c>NOTIFIER_BENCH_FLOOR_ROUNDS</c> times (1 unless set).
    /// </summary>
    public static async Task RunAsync(BenchWorld world, ResultTable table)
    {
        await world.ScalarAsync("CREATE TABLE IF NOT EXISTS floor_items (Id BIGINT PRIMARY KEY AUTO_INCREMENT, State INT NOT NULL, due_at DATETIME(6) NOT NULL, KEY (State, due_at))");
        var dll = Path.Combine(MemoryBench.Folder("Notifier.Floor"), "Notifier.Floor.dll");
        var floors = Environment.GetEnvironmentVariable("NOTIFIER_BENCH_FLOOR_PARTS") is { Length: > 0 } sets
            ? sets.Split(';').Select(p => p == "none" ? "" : p)
                .Select(p => ($"5x. floor: {(p.Length == 0 ? "a generic host and nothing else" : p)}", p, (double?)null, "(a part's share)")).ToArray()
            : Floors;
        var rounds = int.Parse(Environment.GetEnvironmentVariable("NOTIFIER_BENCH_FLOOR_ROUNDS") ?? "1", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (figure, parts, limit, meaning) in floors)
        {
            var samples = new List<double>();
            for (var round = 0; round < rounds; round++)
            {
                samples.Add(await IdleRssAsync(dll, parts, world));
            }

            var idle = samples.Max();
            var value = rounds == 1 ? $"{N(idle, "0")} MiB idle" : $"{N(samples.Min(), "0.0")}–{N(idle, "0.0")} MiB idle ({rounds} starts)";
            table.Add(limit is { } l
                ? new Figure(figure, value, $"{N(l, "0")} MiB (the host's goal)", $"{N(idle / l)}×", meaning, null)
                : new Figure(figure, value, "—", "—", meaning, null));
        }
    }

    /// <summary>The floor's resident set 5 s after its first claim round, as 5a reads the Worker's after its health file.</summary>
    private static async Task<double> IdleRssAsync(string dll, string parts, BenchWorld world)
    {
        var readyFile = Path.Combine(Path.GetTempPath(), $"notifier-floor-{Guid.NewGuid():N}.ready");
        Console.WriteLine($"Memory: a floor process ({(parts.Length == 0 ? "host only" : parts)})...");
        using var floor = AppProcess.Start(dll, new Dictionary<string, string?>
        {
            ["Floor:Parts"] = parts,
            ["Floor:ReadyFile"] = readyFile,
            ["ConnectionStrings:Floor"] = world.ConnectionString,
            ["Urls"] = $"http://127.0.0.1:{RestBench.FreePort()}",
        });
        await MemoryBench.WaitAsync(() => Task.FromResult(File.Exists(readyFile)), floor, $"the floor process ({parts}) to be ready");
        await Task.Delay(MemoryBench.Settle);
        var idle = floor.RssMiB();
        File.Delete(readyFile);
        return idle;
    }
}
