using System.Diagnostics;
using Xunit;

namespace Notifier.Testing.Hosting;

/// <summary>
/// A real program from Debian (Caddy, Alertmanager) running in a temp folder of its own with a clean environment: PATH,
/// HOME in that folder and what the caller adds, nothing inherited from the test runner. Its output is captured;
/// disposing kills it and deletes the folder.
/// </summary>
public sealed class ForeignProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly CapturedOutput _output = new();

    private ForeignProcess(Process process, string directory)
    {
        _process = process;
        Directory = directory;
    }

    /// <summary>The program's own folder: its working directory and HOME.</summary>
    public string Directory { get; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>What the program wrote so far (stdout and stderr).</summary>
    public string Output => _output.Text;

    /// <summary>Adds a line of the test's own to <see cref="Output"/>, so a failure message shows it in order.</summary>
    public void Note(string line) => _output.Append(line);

    /// <summary>A new temp folder for a program named <paramref name="name"/>, to write its configuration into before it starts.</summary>
    public static string NewFolder(string name) => System.IO.Directory.CreateTempSubdirectory($"notifier-{name}-").FullName;

    /// <summary>Starts <paramref name="executable"/> in <paramref name="directory"/> (made by <see cref="NewFolder"/>).</summary>
    public static ForeignProcess Start(
        string executable, string directory, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = CleanStart(executable, arguments, directory);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start");
        var foreign = new ForeignProcess(process, directory);
        foreign._output.Capture(process);
        return foreign;
    }

    /// <summary>How to start a program in <paramref name="directory"/> with only PATH and HOME (no ~/.config of the runner's leaks in).</summary>
    public static ProcessStartInfo CleanStart(string executable, IReadOnlyList<string> arguments, string directory)
    {
        Assert.True(File.Exists(executable), $"{executable} is missing: scripts/test.sh installs it from Debian when missing.");
        var start = new ProcessStartInfo(executable, arguments)
        {
            UseShellExecute = false,
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment.Clear();
        start.Environment["PATH"] = "/usr/bin:/bin";
        start.Environment["HOME"] = directory;
        return start;
    }

    public ValueTask DisposeAsync() => KillAndDeleteAsync(_process, Directory);

    /// <summary>Kills <paramref name="process"/> with its children if it still runs, then deletes <paramref name="directory"/> (best effort).</summary>
    internal static async ValueTask KillAndDeleteAsync(Process process, string directory)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        try
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder is harmless.
        }
    }
}
