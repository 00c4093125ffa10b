using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using static Notifier.Bench.ResultTable;

namespace Notifier.Bench;

/// <summary>Figure 3: <c>POST /api/messages</c> against the bare endpoint, in the same Api process on Kestrel.</summary>
internal static class RestBench
{
    private const string Body = """{"accountId":1,"text":"bench"}""";

    public static async Task RunAsync(BenchWorld world, ResultTable table)
    {
        var o = world.Options;
        var port = FreePort();
        await using var factory = new BenchApiFactory(world.Settings());
        factory.UseKestrel(port);
        factory.StartServer();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = o.RestClients * 2 })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
        };
        var duration = TimeSpan.FromSeconds(o.RestSeconds);

        Console.WriteLine($"REST: bare endpoint, {o.RestClients} clients, {o.RestSeconds} s...");
        var bare = await LoadRun.RunAsync(http, () => new HttpRequestMessage(HttpMethod.Post, BareEndpoint.Path), o.RestClients, duration);
        Console.WriteLine($"REST: POST /api/messages, {o.RestClients} clients, {o.RestSeconds} s...");
        var acceptedBefore = await world.ScalarAsync("SELECT COUNT(*) FROM deliveries");
        var before = await DbCounters.ReadAsync(world.ConnectionString);
        var messages = await LoadRun.RunAsync(http, Post, o.RestClients, duration);
        var counters = (await DbCounters.ReadAsync(world.ConnectionString)).Since(before);
        var inserted = await world.ScalarAsync("SELECT COUNT(*) FROM deliveries") - acceptedBefore;
        Console.WriteLine($"   {N((double)(counters.GetValueOrDefault("Questions") - 1) / inserted)} statements per accepted POST; " +
                          string.Join(", ", counters.OrderByDescending(p => p.Value).Take(8).Select(p => $"{p.Key}={p.Value}")));
        if (messages.Other > 0)
        {
            Console.WriteLine($"   WARNING: {messages.Other} answers were not 202");
        }

        table.Add(new Figure($"3a. bare 202 endpoint, {o.RestClients} clients", $"{N(bare.PerSecond, "0")}/s (p50 {N(bare.P50Ms, "0.0")} ms, p99 {N(bare.P99Ms, "0.0")} ms)",
            "—", "—", "(the framework's limit here)", null));
        table.Add(new Figure($"3b. POST /api/messages, {o.RestClients} clients", $"{N(messages.PerSecond, "0")}/s (p50 {N(messages.P50Ms, "0.0")} ms, p99 {N(messages.P99Ms, "0.0")} ms)",
            $"1,000/s; {N(bare.PerSecond, "0")}/s (bare)", $"{N(messages.PerSecond / 1000)} of 1,000/s; {N(messages.PerSecond / bare.PerSecond, "0.000")} of bare",
            "≥ 1,000/s and ≥ 0.2 of bare", messages.PerSecond >= 1000 && messages.PerSecond / bare.PerSecond >= 0.2));
    }

    private static HttpRequestMessage Post()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(Body, Encoding.UTF8, "application/json"),
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
