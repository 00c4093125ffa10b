using System.Diagnostics;
using static Notifier.Bench.ResultTable;

namespace Notifier.Bench;

/// <summary>
/// Figure 6: how long the published Api takes from process start to its first 200 from <c>/health/ready</c>, on the
/// SQLite default (a new database file: migrations run; then the same file again), and its resident set once ready.
/// </summary>
internal static class StartBench
{
    public static async Task RunAsync(BenchWorld world, ResultTable table)
    {
        var dll = Path.Combine(MemoryBench.Folder("Notifier.Api"), "Notifier.Api.dll");
        var directory = Directory.CreateTempSubdirectory("notifier-bench-start-");
        try
        {
            var first = await ReadyAsync(world, dll, directory.FullName);
            var again = await ReadyAsync(world, dll, directory.FullName);
            var met = first.Elapsed.TotalSeconds <= 2 && again.Elapsed.TotalSeconds <= 2;
            // Wall time on a shared machine is mostly the load; the CPU the process used until ready is not.
            table.Add(new Figure("6. published Api ready on SQLite (process start → first 200 from /health/ready)",
                $"{N(first.Elapsed.TotalSeconds)} s new database (migrations), {N(again.Elapsed.TotalSeconds)} s existing; " +
                $"CPU until ready {N(first.CpuSeconds)} s and {N(again.CpuSeconds)} s; RSS when ready {N(again.RssMiB, "0")} MiB; " +
                $"load average {first.Load} and {again.Load}",
                "2 s", $"{N(Math.Max(first.Elapsed.TotalSeconds, again.Elapsed.TotalSeconds) / 2)}×", "≤ 2 s", met));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static async Task<(TimeSpan Elapsed, double CpuSeconds, double RssMiB, string Load)> ReadyAsync(BenchWorld world, string dll, string directory)
    {
        var port = RestBench.FreePort();
        Console.WriteLine($"Start: the published Api on SQLite ({directory})...");
        var clock = Stopwatch.StartNew();
        using var api = AppProcess.Start(dll, world.Settings(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:MigrateOnStart"] = "true",
            ["ConnectionStrings:Notifier"] = $"Data Source={Path.Combine(directory, "notifier.db")}",
            ["Urls"] = $"http://127.0.0.1:{port}",
        }));
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return (clock.Elapsed, api.CpuTime.TotalSeconds, api.RssMiB(), File.ReadAllText("/proc/loadavg").Split(' ')[0]);
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            if (api.HasExited || clock.Elapsed > TimeSpan.FromMinutes(2))
            {
                throw new InvalidOperationException("The Api did not get ready on SQLite within 2 minutes");
            }

            await Task.Delay(10);
        }
    }
}
