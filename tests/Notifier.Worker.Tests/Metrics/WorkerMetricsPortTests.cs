using System.Globalization;
using Notifier.Testing;
using Notifier.Testing.Hosting;
using Notifier.Testing.Metrics;
using Notifier.Worker.Tests.Faults;
using Notifier.Worker.Tests.Support;
using Xunit.Abstractions;

namespace Notifier.Worker.Tests.Metrics;

/// <summary>A real Worker process with <c>Metrics:WorkerPort</c>: its own Prometheus endpoint, counting what it sent.</summary>
[RunsLong]
public sealed class WorkerMetricsPortTests(WorkerWorld world, ITestOutputHelper output) : IClassFixture<WorkerWorld>
{
    [Fact]
    public async Task AWorkerWithAMetricsPort_ServesItsSendsByOutcome_AfterASendToKakao()
    {
        world.Clock.SetUtcNow(DateTimeOffset.UtcNow); // the Worker process runs on real time
        using var host = await world.StartCoreHostAsync();
        var account = await world.ConnectAsync(host, 8301, "Metered");
        await Burst.EnqueueAsync(host, account.Id, 1, "metered");
        var port = FreePort.Next();
        using var worker = WorkerProcess.Start(world.Settings(new Dictionary<string, string?>
        {
            ["Database:MigrateOnStart"] = "false",
            ["Dispatch:PollIntervalMilliseconds"] = "100",
            ["Metrics:WorkerPort"] = port.ToString(CultureInfo.InvariantCulture),
        }), "metrics");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        await Eventually.TrueAsync(() => world.Kakao.Memos.Any(m => m.UserId == 8301) || worker.HasExited, "the memo at Kakao", PublishedProcess.StartPatience);
        Assert.False(worker.HasExited, $"the Worker exited: {worker.Output}");
        var scrape = await Eventually.MatchAsync(
            () => ScrapeAsync(http),
            s => s?.Series("notifier_sends_total", ("outcome", "sent")).Any() == true,
            "notifier_sends_total{outcome=\"sent\"} on the Worker's port", TimeSpan.FromSeconds(30));
        output.WriteLine(string.Join('\n', scrape!.Text.Split('\n').Where(l => l.StartsWith("notifier_", StringComparison.Ordinal))));

        Assert.Equal(1, scrape.Value("notifier_sends_total", ("outcome", "sent")));
        Assert.Equal(1, scrape.Value("notifier_kakao_send_duration_seconds_count", ("result", "ok")));
        Assert.Equal(1, scrape.Value("notifier_claim_size_sum"));
        Assert.False(scrape.Has("notifier_deliveries"), "the cluster gauges are the Api's, not every Worker's");
        Assert.DoesNotContain("8301", scrape.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Metered", scrape.Text, StringComparison.Ordinal);
        Assert.Equal(0, await worker.TerminateAsync(TimeSpan.FromSeconds(30)));
    }

    private static async Task<PrometheusText?> ScrapeAsync(HttpClient http)
    {
        try
        {
            using var response = await http.GetAsync(new Uri("/metrics", UriKind.Relative));
            return response.IsSuccessStatusCode && response.Content.Headers.ContentType?.MediaType == "text/plain"
                ? PrometheusText.Parse(await response.Content.ReadAsStringAsync())
                : null;
        }
        catch (HttpRequestException)
        {
            return null; // not listening yet
        }
    }
}
