using static Notifier.Bench.ResultTable;

namespace Notifier.Bench;

/// <summary>
/// Figure 5c–5f: the idle resident set of <c>bench/Notifier.Floor</c>, a host with the libraries a Notifier host loads and
/// none of Notifier's code (docs/decisions/0017, "The libraries' floor"). Beside 5a and 5b it says how much of a
/// host's memory is the libraries' and how much its own.
/// </summary>
internal static class FloorBench
{
    private const double WorkerIdleLimitMiB = 100;
    private const double ApiIdleLimitMiB = 120;
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);

    private static readonly (string Figure, string Parts, double? Limit, string Meaning)[] Floors =
    [
        ("5c. floor: a generic host and nothing else (published)", "", null, "(the runtime and the generic host)"),
        ("5d. floor: the Worker's libraries, no Notifier code (EF Core LINQ claim every 500 ms on Pomelo, Quartz clustered store, Data Protection)",
            "ef,quartz,dp", WorkerIdleLimitMiB, "(what a Worker with these libraries starts from)"),
        ("5e. floor: 5d with the claim on MySqlConnector alone (no EF Core)", "ado,quartz,dp", WorkerIdleLimitMiB, "(what a Worker without EF Core would start from)"),
        ("5f. floor: the Api's libraries, no Notifier code (ASP.NET Core, EF Core LINQ every 500 ms, Data Protection)",
            "web,ef,dp", ApiIdleLimitMiB, "(what an Api with these libraries starts from)"),
    ];

    public static async Task RunAsync(BenchWorld world, ResultTable table)
    {
        await world.ScalarAsync("CREATE TABLE IF NOT EXISTS floor_items (Id BIGINT PRIMARY KEY AUTO_INCREMENT, State INT NOT NULL, due_at DATETIME(6) NOT NULL, KEY (State, due_at))");
        var dll = Path.Combine(MemoryBench.Folder("Notifier.Floor"), "Notifier.Floor.dll");
        foreach (var (figure, parts, limit, meaning) in Floors)
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
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (!File.Exists(readyFile))
            {
                if (floor.HasExited || DateTime.UtcNow > deadline)
                {
                    throw new InvalidOperationException($"Gave up waiting for the floor process ({parts}) to be ready");
                }

                await Task.Delay(200);
            }

            await Task.Delay(Settle);
            var idle = floor.RssMiB();
            File.Delete(readyFile);
            table.Add(limit is { } l
                ? new Figure(figure, $"{N(idle, "0")} MiB idle", $"{N(l, "0")} MiB (the host's goal)", $"{N(idle / l)}×", meaning, null)
                : new Figure(figure, $"{N(idle, "0")} MiB idle", "—", "—", meaning, null));
        }
    }
}
