using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using static Notifier.Bench.ResultTable;

namespace Notifier.Bench;

/// <summary>
/// Figure 3: <c>POST /api/messages</c> against the bare endpoint, in the same Api process on Kestrel. The POSTs go to the
/// seeded accounts in turn: every account may have only <c>Dispatch:MaxQueuedPerAccount</c> (500) messages waiting,
/// and nothing sends them here, so one account would answer 429 after its first 500.
/// </summary>
internal static class RestBench
{
    private const double RateGoal = 5_000;
    private const double P99GoalMs = 50;
    private const double StatementsGoal = 0.1;
    private const double BareShareGoal = 0.1;

    public static async Task RunAsync(BenchWorld world, ResultTable table)
    {
        var o = world.Options;
        var port = FreePort();
        // The per-key rate limit (50/s by default) stays on, raised out of the way: the bench's one key is 32 clients.
        await using var factory = new BenchApiFactory(world.Settings(new Dictionary<string, string?>
        {
            ["Api:RateLimit:PermitsPerSecond"] = "1000000",
            ["Api:RateLimit:Burst"] = "1000000",
        }));
        factory.UseKestrel(port);
        factory.StartServer();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = o.RestClients * 2 })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
        };
        var duration = TimeSpan.FromSeconds(o.RestSeconds);
        // Until the JIT is quiet, at most twice the measured run (20 s for the usual 8-10 s; 10 s for --quick).
        var warmUp = TimeSpan.FromSeconds(Math.Min(20, 2 * o.RestSeconds));
        var accounts = await AccountIdsAsync(world);
        var next = 0;
        HttpRequestMessage Post() => PostTo(accounts[(int)((uint)Interlocked.Increment(ref next) % (uint)accounts.Count)]);

        Console.WriteLine($"REST: bare endpoint, {o.RestClients} clients, {o.RestSeconds} s...");
        var bare = await LoadRun.RunAsync(http, () => new HttpRequestMessage(HttpMethod.Post, BareEndpoint.Path), o.RestClients, duration, maxWarmUp: warmUp);
        Console.WriteLine($"REST: POST /api/messages to {accounts.Count} accounts in turn, {o.RestClients} clients, {o.RestSeconds} s...");
        var acceptedBefore = await world.ScalarAsync("SELECT COUNT(*) FROM deliveries");
        var before = await DbCounters.ReadAsync(world.ConnectionString);
        using var groups = new IntakeGroups();
        var messages = await LoadRun.RunAsync(http, Post, o.RestClients, duration, groups.Reset, warmUp);
        var committed = groups.ToString();
        var counters = (await DbCounters.ReadAsync(world.ConnectionString)).Since(before);
        var inserted = await world.ScalarAsync("SELECT COUNT(*) FROM deliveries") - acceptedBefore;
        // Questions counts the second SHOW GLOBAL STATUS too; the warm-up's POSTs are in both the statements and the rows.
        var statements = (double)(counters.GetValueOrDefault("Questions") - 1) / Math.Max(1, inserted);
        Console.WriteLine($"   {N(statements, "0.000")} statements per accepted POST ({inserted} rows); " +
                          string.Join(", ", counters.OrderByDescending(p => p.Value).Take(8).Select(p => $"{p.Key}={p.Value}")));
        Console.WriteLine($"   intake committer: {committed}");
        Console.WriteLine($"   warm-up (until the JIT compiles ≤ 20 methods a second, at most {N(warmUp.TotalSeconds)} s): bare {N(bare.WarmUp.TotalSeconds, "0.0")} s, POST {N(messages.WarmUp.TotalSeconds, "0.0")} s; " +
                          $"JIT while measured: bare {bare.JitMethods} methods ({N(bare.JitTime.TotalMilliseconds, "0")} ms), POST {messages.JitMethods} methods ({N(messages.JitTime.TotalMilliseconds, "0")} ms)");
        if (messages.Other > 0)
        {
            Console.WriteLine($"   WARNING: {messages.Other} answers were not 202 (the first: {messages.FirstOther})");
        }

        var share = messages.PerSecond / bare.PerSecond;
        table.Add(new Figure($"3a. bare 202 endpoint, {o.RestClients} clients", $"{N(bare.PerSecond, "0")}/s (p50 {N(bare.P50Ms, "0.0")} ms, p99 {N(bare.P99Ms, "0.0")} ms)",
            "—", "—", "(the framework's limit here)", null));
        table.Add(new Figure($"3b. POST /api/messages, {o.RestClients} clients", $"{N(messages.PerSecond, "0")}/s (p50 {N(messages.P50Ms, "0.0")} ms, p99 {N(messages.P99Ms, "0.0")} ms)",
            $"{N(RateGoal, "#,0")}/s; p99 {N(P99GoalMs)} ms; {N(bare.PerSecond * BareShareGoal, "0")}/s (1/10 of bare)",
            $"{N(messages.PerSecond / RateGoal)}× of {N(RateGoal, "#,0")}/s; p99 {N(messages.P99Ms / P99GoalMs)}×; {N(share, "0.000")} of bare",
            $"≥ {N(RateGoal, "#,0")}/s, p99 ≤ {N(P99GoalMs)} ms, ≥ {N(BareShareGoal)} of bare",
            messages.PerSecond >= RateGoal && messages.P99Ms <= P99GoalMs && share >= BareShareGoal));
        table.Add(new Figure("3c. DB statements per accepted POST (Questions / rows)", $"{N(statements, "0.000")} ({counters.GetValueOrDefault("Questions")} Questions, {inserted} rows)",
            N(StatementsGoal), $"{N(statements / StatementsGoal)}×", $"≤ {N(StatementsGoal)}", statements <= StatementsGoal));
        var (bareSelf, _) = bare.CpuMsPerRequest;
        var (postSelf, postServer) = messages.CpuMsPerRequest;
        table.Add(new Figure("3d. CPU per request: bench process (Api + load generator), mariadbd",
            $"POST {N(postSelf, "0.000")} ms + mariadbd {N(postServer, "0.000")} ms; bare {N(bareSelf, "0.000")} ms; POST − bare {N(postSelf - bareSelf, "0.000")} ms",
            "—", "—", "(what bounds 3b)", null));
    }

    private static async Task<List<long>> AccountIdsAsync(BenchWorld world)
    {
        await using var connection = new MySqlConnector.MySqlConnection(world.ConnectionString);
        await connection.OpenAsync();
        await using var command = new MySqlConnector.MySqlCommand("SELECT Id FROM accounts WHERE Status = 'active' ORDER BY Id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<long>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    private static HttpRequestMessage PostTo(long accountId)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent($$"""{"accountId":{{accountId.ToString(CultureInfo.InvariantCulture)}},"text":"bench"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", BenchWorld.ApiKey);
        return request;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
