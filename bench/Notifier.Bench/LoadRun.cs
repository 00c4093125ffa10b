using System.Diagnostics;
using System.Net;

namespace Notifier.Bench;

/// <summary>A closed loop of <c>clients</c> callers, each sending its next request when the last one is answered.</summary>
internal static class LoadRun
{
    public sealed record Result(int Accepted, int Other, double PerSecond, double P50Ms, double P99Ms, TimeSpan SelfCpu, TimeSpan ServerCpu, string? FirstOther)
    {
        /// <summary>CPU per answered request (202 or not) of this process (the Api and the load generator) and of mariadbd, in ms.</summary>
        public (double Self, double Server) CpuMsPerRequest => (SelfCpu.TotalMilliseconds / Math.Max(1, Accepted + Other), ServerCpu.TotalMilliseconds / Math.Max(1, Accepted + Other));
    }

    public static async Task<Result> RunAsync(HttpClient http, Func<HttpRequestMessage> request, int clients, TimeSpan duration)
    {
        // A short warm-up: JIT, connection pools, the first database connections.
        await CallersAsync(http, request, clients, TimeSpan.FromSeconds(2));
        return await CallersAsync(http, request, clients, duration);
    }

    private static async Task<Result> CallersAsync(HttpClient http, Func<HttpRequestMessage> request, int clients, TimeSpan duration)
    {
        var latencies = new List<double>[clients];
        var accepted = 0;
        var other = 0;
        string? firstOther = null;
        var cpu = new CpuMeter();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
            var mine = latencies[c] = [];
            while (clock.Elapsed < duration)
            {
                var start = Stopwatch.GetTimestamp();
                using var message = request();
                using var response = await http.SendAsync(message);
                await response.Content.ReadAsByteArrayAsync();
                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    Interlocked.Increment(ref accepted);
                }
                else
                {
                    if (Interlocked.Increment(ref other) == 1)
                    {
                        firstOther = $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}";
                    }
                }
            }
        }));
        var elapsed = clock.Elapsed.TotalSeconds;
        var (self, server) = cpu.Elapsed();
        var all = latencies.SelectMany(l => l).Order().ToArray();
        double At(double q) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)(q * all.Length))];
        return new Result(accepted, other, accepted / elapsed, At(0.50), At(0.99), self, server, firstOther);
    }
}
