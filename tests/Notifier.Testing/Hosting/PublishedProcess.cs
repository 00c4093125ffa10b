using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Notifier.Testing.Hosting;

/// <summary>
/// A published host run as a container runs it: <c>dotnet {Project}.dll</c> in its publish folder, with exactly the
/// environment given (plus only what the dotnet host itself needs: PATH, HOME, DOTNET_ROOT), nothing inherited from
/// the test runner. Its own temp folder stands in for the container's private <c>/tmp</c>.
/// </summary>
public sealed partial class PublishedProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly CapturedOutput _output = new();

    private PublishedProcess(Process process, string name, string directory, string tempDirectory, IReadOnlyDictionary<string, string> environment)
    {
        _process = process;
        Name = name;
        Directory = directory;
        TempDirectory = tempDirectory;
        Environment = environment;
    }

    /// <summary>
    /// How long a published host may take to start (and a test to wait for what needs it started): generous, since on
    /// a loaded machine its first JIT takes long; the deadline only bounds a broken start.
    /// </summary>
    public static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(180);

    public string Name { get; }

    /// <summary>The publish folder (the container's <c>/app</c>).</summary>
    public string Directory { get; }

    /// <summary>This process's own temp folder (the container's <c>/tmp</c>).</summary>
    public string TempDirectory { get; }

    /// <summary>Exactly the environment the process was started with.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>What the process wrote so far (stdout and stderr).</summary>
    public string Output => _output.Text;

    /// <summary>Starts <c>dotnet {project}.dll {arguments}</c> from the published build.</summary>
    public static async Task<PublishedProcess> StartAsync(
        string project, IReadOnlyDictionary<string, string> environment, string? name = null, params string[] arguments)
    {
        var directory = await PublishedBuild.DirectoryAsync(project);
        var temp = System.IO.Directory.CreateTempSubdirectory($"notifier-{name ?? project}-").FullName;
        var full = ContainerEnvironment(environment, temp);
        var start = StartInfo(directory, full, [Path.Combine(directory, project + ".dll"), .. arguments]);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var app = new PublishedProcess(process, name ?? project, directory, temp, full);
        app._output.Capture(process);
        return app;
    }

    /// <summary>
    /// Runs a command inside this "container" (same folder, same environment), as <c>docker exec</c> or a healthcheck
    /// does; <c>dotnet X.dll</c> resolves X in the publish folder. Returns the exit code and what it printed.
    /// </summary>
    public async Task<(int ExitCode, string Output)> ExecAsync(IReadOnlyList<string> command, TimeSpan timeout)
    {
        var start = StartInfo(Directory, Environment, command.Skip(1).ToArray(), command[0]);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        return await CommandRun.RunToEndAsync(start, timeout);
    }

    /// <summary>The address the host printed as "Now listening on: ...".</summary>
    public async Task<Uri> ListeningAsync(TimeSpan? timeout = null)
    {
        var found = await Eventually.MatchAsync(
            () => HasExited ? "exited" : ListeningOn().Match(Output) is { Success: true } m ? m.Groups[1].Value : null,
            found => found is not null,
            $"{Name} to print where it listens (output so far: {Output})",
            timeout ?? StartPatience);
        return found == "exited" ? throw new InvalidOperationException($"{Name} exited with {ExitCode}: {Output}") : new Uri(found!);
    }

    /// <summary>Waits for the process to end by itself and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    /// <summary>SIGTERM, as <c>docker stop</c> does; waits for the exit.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
            await kill!.WaitForExitAsync();
        }

        return await WaitForExitAsync(timeout);
    }

    public ValueTask DisposeAsync() => ForeignProcess.KillAndDeleteAsync(_process, TempDirectory);

    private static Dictionary<string, string> ContainerEnvironment(IReadOnlyDictionary<string, string> given, string temp)
    {
        var full = new Dictionary<string, string>(given);
        foreach (var name in new[] { "PATH", "HOME", "DOTNET_ROOT" })
        {
            if (System.Environment.GetEnvironmentVariable(name) is { } value && !full.ContainsKey(name))
            {
                full[name] = value;
            }
        }

        full["TMPDIR"] = temp;
        return full;
    }

    private static ProcessStartInfo StartInfo(string directory, IReadOnlyDictionary<string, string> environment, string[] arguments, string file = "dotnet")
    {
        var start = new ProcessStartInfo(file, arguments) { UseShellExecute = false, WorkingDirectory = directory };
        start.Environment.Clear();
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return start;
    }


    [GeneratedRegex(@"Now listening on: (\S+)")]
    private static partial Regex ListeningOn();
}
