using System.Diagnostics;

namespace Notifier.Worker.Tests.Hosting;

/// <summary>The container healthcheck: <c>dotnet Notifier.Worker.dll --health-probe</c>, with only the environment a container gives it.</summary>
public sealed class HealthProbeTests
{
    [Fact]
    public async Task AFreshHealthFile_IsHealthy_AMissingOrStaleOneIsNot()
    {
        var file = Path.Combine(Path.GetTempPath(), $"notifier-probe-{Guid.NewGuid():N}.health");
        try
        {
            Assert.Equal(1, await ProbeAsync(file));

            await File.WriteAllTextAsync(file, "now");
            Assert.Equal(0, await ProbeAsync(file));

            File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(-5));
            Assert.Equal(1, await ProbeAsync(file));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<int> ProbeAsync(string healthFile)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Notifier.Worker.dll"), "--health-probe"])
        {
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["Worker__HealthFile"] = healthFile;
        start.Environment["Worker__HealthIntervalSeconds"] = "15";
        using var process = Process.Start(start)!;
        await process.WaitForExitAsync();
        return process.ExitCode;
    }
}
