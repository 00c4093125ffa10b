using System.Diagnostics;
using Notifier.Testing.Hosting;

namespace Notifier.Worker.Tests.Support;

/// <summary>A real Worker process (<c>dotnet Notifier.Worker.dll</c>) configured through environment variables only.</summary>
public sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly CapturedOutput _output = new();

    private WorkerProcess(Process process, string healthFile)
    {
        _process = process;
        HealthFile = healthFile;
    }

    public string HealthFile { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>What the process wrote so far (its Serilog console).</summary>
    public string Output => _output.Text;

    public static WorkerProcess Start(IReadOnlyDictionary<string, string?> settings, string name)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Notifier.Worker.dll");
        var healthFile = Path.Combine(Path.GetTempPath(), $"notifier-{name}-{Guid.NewGuid():N}.health");
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        start.Environment["Worker__HealthFile"] = healthFile;
        start.Environment["Worker__HealthIntervalSeconds"] = "1";
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var worker = new WorkerProcess(process, healthFile);
        worker._output.Capture(process);
        return worker;
    }

    /// <summary>SIGKILL: the process dies at once, holding whatever it held.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    /// <summary>SIGTERM, as a container runtime stops a service; waits for the exit.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill!.WaitForExitAsync();
        }

        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        File.Delete(HealthFile);
    }

}
