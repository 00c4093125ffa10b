using System.Diagnostics;
using System.Net;

namespace Notifier.Bench;

/// <summary>A closed loop of <c>clients</c> callers, each sending its next request when the last one is answered.</summary>
internal static class LoadRun
{
    public sealed record Result(
        int Accepted, int Other, double PerSecond, double P50Ms, double P99Ms, TimeSpan SelfCpu, TimeSpan ServerCpu, string? FirstOther, long JitMethods, TimeSpan JitTime)
    {
        /// <summary>CPU per answered request (202 or not) of this process (the Api and the load generator) and of mariadbd, in ms.</summary>
        /// <summary>How long the warm-up before the measured run took.</summary>
        public TimeSpan WarmUp { get; init; }

        public (double Self, double Server) CpuMsPerRequest => (SelfCpu.TotalMilliseconds / Math.Max(1, Accepted + Other), ServerCpu.TotalMilliseconds / Math.Max(1, Accepted + Other));
    }

    /// <summary>At most this many methods JIT-compiled in a second of warm-up counts as "the JIT is done" (<see cref="RunAsync"/>).</summary>
    private const int QuietJitMethodsPerSecond = 20;

    private static readonly TimeSpan MinWarmUp = TimeSpan.FromSeconds(2);

    /// <summary>
    /// A warm-up (JIT, connection pools, the first database connections) of 2 s, then the measured run. With
    /// <paramref name="maxWarmUp"/> the warm-up goes on, a second at a time, until the JIT compiled at most
    /// <see cref="QuietJitMethodsPerSecond"/> methods in a second or <paramref name="maxWarmUp"/> has passed: on this
    /// loaded 2-core machine the tiered JIT's recompiles of a freshly started process lag the load by tens of seconds,
    /// and a rate is meant to describe the running service, not its first seconds (the start figure does that).
    /// </summary>
    /// <param name="measuring">Called once the warm-up is over, as the measured run starts.</param>
    public static async Task<Result> RunAsync(
        HttpClient http, Func<HttpRequestMessage> request, int clients, TimeSpan duration, Action? measuring = null, TimeSpan? maxWarmUp = null)
    {
        var warmUp = Stopwatch.StartNew();
        await CallersAsync(http, request, clients, MinWarmUp);
        while (warmUp.Elapsed < maxWarmUp)
        {
            var step = await CallersAsync(http, request, clients, TimeSpan.FromSeconds(1));
            if (step.JitMethods <= QuietJitMethodsPerSecond)
            {
                break;
            }
        }

        var warmedUp = warmUp.Elapsed;
        measuring?.Invoke();
        return await CallersAsync(http, request, clients, duration) with { WarmUp = warmedUp };
    }

    private static async Task<Result> CallersAsync(HttpClient http, Func<HttpRequestMessage> request, int clients, TimeSpan duration)
    {
        var latencies = new List<double>[clients];
        var accepted = 0;
        var other = 0;
        string? firstOther = null;
        var cpu = new CpuMeter();
        var (jitMethods, jitTime) = (System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime());
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
        return new Result(accepted, other, accepted / elapsed, At(0.50), At(0.99), self, server, firstOther,
            System.Runtime.JitInfo.GetCompiledMethodCount() - jitMethods, System.Runtime.JitInfo.GetCompilationTime() - jitTime);
    }
}
