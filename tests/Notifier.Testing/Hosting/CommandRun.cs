using System.Diagnostics;
using Xunit;

namespace Notifier.Testing.Hosting;

/// <summary>Runs a command-line tool to its end (a real client such as Debian's <c>apprise</c>) and returns what it did.</summary>
public static class CommandRun
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string executable, IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        Assert.True(File.Exists(executable), $"{executable} is missing: scripts/test.sh installs it from Debian when missing.");
        var directory = Directory.CreateTempSubdirectory("notifier-tool-").FullName;
        try
        {
            var start = new ProcessStartInfo(executable, arguments)
            {
                UseShellExecute = false,
                WorkingDirectory = directory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            // Nothing from the runner's environment or home (no ~/.apprise configuration) leaks in.
            start.Environment.Clear();
            start.Environment["PATH"] = "/usr/bin:/bin";
            start.Environment["HOME"] = directory;
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start");
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
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
