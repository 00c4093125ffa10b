using System.Diagnostics;
using Notifier.Testing;
using Notifier.Testing.Hosting;
using Notifier.Worker.Tests.Support;
using Xunit.Abstractions;

namespace Notifier.Worker.Tests.Faults;

/// <summary>The Worker's container health signal (its health file, <c>--health-probe</c>) while MariaDB is down and once it is back.</summary>
public sealed class HealthFileOutageTests(OwnServerWorld world, ITestOutputHelper output) : IClassFixture<OwnServerWorld>
{
    [Fact]
    public async Task WhileMariaDbIsDown_TheWorkerSaysSoAtOnce_AndIsHealthyAgainAsSoonAsItIsBack()
    {
        using var worker = WorkerProcess.Start(world.Settings(new Dictionary<string, string?> { ["Schedules:JobsEnabled"] = "false" }), "health");
        await Eventually.TrueAsync(() => Fresh(worker) || worker.HasExited, "the health file to be written", PublishedProcess.StartPatience);
        Assert.False(worker.HasExited, $"the Worker exited: {worker.Output}");

        await world.Server.DownAsync();
        var down = Stopwatch.StartNew();
        try
        {
            // Each check asks on its own connection, outside EF's retries: the first one after the server went down
            // fails within the ping's timeout (with CanConnect it waited out about a minute of retries first).
            await Eventually.TrueAsync(() => worker.Output.Contains("Health check failed", StringComparison.Ordinal),
                "the Worker to report the failed health check", TimeSpan.FromSeconds(30));
            output.WriteLine($"health check failed {down.Elapsed.TotalSeconds:0.0} s after the server went down");
            Assert.True(down.Elapsed < TimeSpan.FromSeconds(15), $"the failed check was reported after {down.Elapsed}");
            await Eventually.TrueAsync(() => !Fresh(worker), "the health file to go stale", TimeSpan.FromSeconds(30));
        }
        finally
        {
            await world.Server.UpAsync();
        }

        var up = Stopwatch.StartNew();
        await Eventually.TrueAsync(() => Fresh(worker), "the health file to be fresh again", TimeSpan.FromSeconds(60));
        output.WriteLine($"fresh again {up.Elapsed.TotalSeconds:0.0} s after the server came back");
        Assert.False(worker.HasExited, $"the Worker exited: {worker.Output}");
    }

    /// <summary>Written within the last two intervals (the Worker writes it every second here; the probe allows three).</summary>
    private static bool Fresh(WorkerProcess worker) =>
        File.Exists(worker.HealthFile) && DateTime.UtcNow - File.GetLastWriteTimeUtc(worker.HealthFile) < TimeSpan.FromSeconds(2);
}
