using System.Net.Http.Headers;
using System.Text;
using static Notifier.Bench.ResultTable;

namespace Notifier.Bench;

/// <summary>Figure 5: the resident set of a Worker process and an Api process, idle after start and after work.</summary>
internal static class MemoryBench
{
    /// <summary>Issue 15's limits: idle resident sets, and after work within this factor of idle.</summary>
    public const double WorkerIdleLimitMiB = 100;
    public const double ApiIdleLimitMiB = 120;
    private const double BurstFactor = 1.5;

    /// <summary>How long a process is left idle after it is ready before its resident set is read.</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);

    public static async Task RunAsync(BenchWorld world, ResultTable table)
    {
        var o = world.Options;
        var bin = Folder;
        var healthFile = Path.Combine(Path.GetTempPath(), $"notifier-bench-{Guid.NewGuid():N}.health");
        Console.WriteLine("Memory: a Worker process...");
        using (var worker = AppProcess.Start(Path.Combine(bin("Notifier.Worker"), "Notifier.Worker.dll"), world.Settings(new Dictionary<string, string?>
        {
            ["Worker:HealthFile"] = healthFile,
            ["Worker:HealthIntervalSeconds"] = "1",
            ["Dispatch:NodeId"] = "bench-worker-process",
        })))
        {
            await WaitAsync(() => Task.FromResult(File.Exists(healthFile)), worker, "the Worker's health file");
            await Task.Delay(Settle);
            var idle = worker.RssMiB();
            var sentBefore = await world.ScalarAsync("SELECT COUNT(*) FROM deliveries WHERE Status = 'sent'");
            await Seeding.InsertDueAsync(world, o.MemoryBurst, o.Accounts);
            await WaitAsync(async () => await world.ScalarAsync("SELECT COUNT(*) FROM deliveries WHERE Status = 'sent'") - sentBefore >= o.MemoryBurst,
                worker, $"the Worker to send {o.MemoryBurst}");
            var busy = worker.RssMiB();
            await Task.Delay(Settle);
            var later = worker.RssMiB();
            var after = Math.Max(busy, later);
            table.Add(new Figure("5a. Worker process RSS (published)",
                $"{N(idle, "0")} MiB idle; {N(busy, "0")} MiB after a {o.MemoryBurst}-message burst; {N(later, "0")} MiB 5 s later",
                $"{N(WorkerIdleLimitMiB, "0")} MiB idle; {N(BurstFactor)}× idle after",
                $"{N(idle / WorkerIdleLimitMiB)}×; {N(after / idle)}×",
                $"≤ {N(WorkerIdleLimitMiB, "0")} MiB; ≤ {N(BurstFactor)}×",
                idle <= WorkerIdleLimitMiB && after <= BurstFactor * idle));
        }

        File.Delete(healthFile);
        var port = RestBench.FreePort();
        Console.WriteLine("Memory: an Api process...");
        using var api = AppProcess.Start(Path.Combine(bin("Notifier.Api"), "Notifier.Api.dll"), world.Settings(new Dictionary<string, string?>
        {
            ["Urls"] = $"http://127.0.0.1:{port}",
            // The POSTs are the work whose memory is measured: the per-key rate limit would answer most of them 429.
            ["Api:RateLimit:PermitsPerSecond"] = "1000000",
            ["Api:RateLimit:Burst"] = "1000000",
            // Nothing dispatches here: without this, account 1's queue fills (500) and the rest are cheap 429s.
            ["Dispatch:MaxQueuedPerAccount"] = "1000000",
        }));
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await WaitAsync(async () =>
        {
            try
            {
                return (await http.GetAsync(new Uri("/health/ready", UriKind.Relative))).IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, api, "the Api's /health/ready");
        await Task.Delay(Settle);
        var apiIdle = api.RssMiB();
        var load = await LoadRun.RunAsync(http, Post, o.RestClients, TimeSpan.FromSeconds(5));
        var apiBusy = api.RssMiB();
        var apiLater = await SettleAsync(api);
        var apiAfter = Math.Max(apiBusy, apiLater);
        table.Add(new Figure("5b. Api process RSS (published)",
            $"{N(apiIdle, "0")} MiB idle; {N(apiBusy, "0")} MiB after 5 s of POSTs ({N(load.PerSecond, "0")}/s accepted, {load.Other} other); {N(apiLater, "0")} MiB 5 s later",
            $"{N(ApiIdleLimitMiB, "0")} MiB idle; {N(BurstFactor)}× idle after",
            $"{N(apiIdle / ApiIdleLimitMiB)}×; {N(apiAfter / apiIdle)}×",
            $"≤ {N(ApiIdleLimitMiB, "0")} MiB; ≤ {N(BurstFactor)}×",
            apiIdle <= ApiIdleLimitMiB && apiAfter <= BurstFactor * apiIdle));
    }

    private static async Task<double> SettleAsync(AppProcess process)
    {
        await Task.Delay(Settle);
        return process.RssMiB();
    }

    private static HttpRequestMessage Post()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent("""{"accountId":1,"text":"bench"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", BenchWorld.ApiKey);
        return request;
    }

    public static async Task WaitAsync(Func<Task<bool>> done, AppProcess process, string what)
    {
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (!await done())
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"Gave up waiting for {what}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>
    /// Where a host's dll is: its published build when <c>bench/run.sh</c> published it (<c>NOTIFIER_BENCH_PUBLISHED</c>),
    /// otherwise its bin folder in the configuration this bench was built in.
    /// </summary>
    public static string Folder(string project) =>
        Environment.GetEnvironmentVariable("NOTIFIER_BENCH_PUBLISHED") is { Length: > 0 } published
            ? Path.Combine(published, project)
            : BinFolders()(project);

    private static Func<string, string> BinFolders()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/'));
        var framework = here.Name;
        var configuration = here.Parent!.Name;
        var root = here;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Notifier.sln")))
        {
            root = root.Parent;
        }

        // The hosts are at the root, the floor (bench/Notifier.Floor) beside the bench.
        return project => Path.Combine(
            Directory.Exists(Path.Combine(root!.FullName, project)) ? root.FullName : Path.Combine(root.FullName, "bench"),
            project, "bin", configuration, framework);
    }
}
