using System.Diagnostics;

namespace Notifier.Testing.Hosting;

/// <summary>Runs a command to its end (a real client such as Debian's <c>apprise</c>) and returns what it did.</summary>
public static class CommandRun
{
    /// <summary>Runs <paramref name="executable"/> in a temp folder with a clean environment (see <see cref="ForeignProcess.CleanStart"/>).</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string executable, IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        var directory = ForeignProcess.NewFolder("tool");
        try
        {
            return await RunToEndAsync(ForeignProcess.CleanStart(executable, arguments, directory), timeout);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Starts <paramref name="start"/> (stdout and stderr redirected) and waits for its end, killing it after <paramref name="timeout"/>.</summary>
    public static async Task<(int ExitCode, string Output)> RunToEndAsync(ProcessStartInfo start, TimeSpan timeout)
    {
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"timed out after {timeout.TotalSeconds:0} s: {await output}{await errors}");
        }

        return (process.ExitCode, await output + await errors);
    }
}
