using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Notifier.Testing.Database;
using Notifier.Testing.Hosting;

namespace Notifier.Testing.Compose;

/// <summary>
/// <c>docker compose up</c> without a Docker engine: each service of <c>docker-compose.yml</c> runs as its container
/// would, the published app with exactly the environment compose gives it (after substitution from the test's
/// <c>.env</c>) over the Dockerfile's <c>ENV</c>. Only what a container network provides is mapped, and every mapping
/// is listed in <see cref="Mappings"/>: the host name <c>mariadb</c> to the test's MariaDB, container ports to free
/// loopback ports, Kakao's hosts to the fake.
/// </summary>
public sealed partial class ComposeAsProcesses : IAsyncDisposable
{
    private const int ContainerPort = 8080;

    /// <summary>What the generic host logs (Microsoft.Hosting.Lifetime) once every hosted service started.</summary>
    private const string HostStarted = "Application started.";

    private readonly ComposeFile _compose = ComposeFile.Load();
    private readonly Dockerfile _dockerfile = Dockerfile.Load();
    private readonly ComposeVariables _variables;
    private readonly string _kakaoUrl;
    private readonly List<PublishedProcess> _running = [];
    private int _databasePort;

    public ComposeAsProcesses(IReadOnlyDictionary<string, string> dotEnv, string kakaoUrl)
    {
        _variables = new ComposeVariables(dotEnv);
        _kakaoUrl = kakaoUrl;
    }

    public ComposeFile Compose => _compose;

    /// <summary>Each stand-in for what a container network would do, one line each, for the test output.</summary>
    public List<string> Mappings { get; } = [];

    /// <summary>The <c>mariadb</c> service: its database and user created on the test's server as the image's entrypoint would.</summary>
    public async Task StartDatabaseAsync()
    {
        var environment = _compose.ResolvedEnvironment("mariadb", _variables);
        _databasePort = await TestMariaDb.CreateLikeTheImageAsync(environment["MARIADB_DATABASE"], environment["MARIADB_USER"], environment["MARIADB_PASSWORD"]);
        Mappings.Add($"mariadb: host 'mariadb:3306' -> the test's MariaDB at 127.0.0.1:{_databasePort} (database and user created from MARIADB_DATABASE/USER/PASSWORD)");
    }

    /// <summary>Starts one container of <paramref name="service"/> (a second one is <c>--scale</c>); returns its process.</summary>
    public async Task<PublishedProcess> StartAsync(string service, string containerName)
    {
        var image = _dockerfile.Environment(_compose.BuildArgs(service));
        var environment = new Dictionary<string, string>(image);
        foreach (var (name, value) in _compose.ResolvedEnvironment(service, _variables))
        {
            environment[name] = value;
        }

        var port = PublishedPort(service) ?? FreePort.Next();
        foreach (var (name, value) in environment.ToList())
        {
            var mapped = MapNetwork(value, port);
            if (mapped != value)
            {
                environment[name] = mapped;
                Mappings.Add($"{containerName}: {name} '{Redacted(name, value)}' -> '{Redacted(name, mapped)}'");
            }
        }

        foreach (var key in new[] { "Kakao__AuthBaseUrl", "Kakao__ApiBaseUrl" })
        {
            if (environment.ContainsKey(key))
            {
                throw new InvalidOperationException($"compose sets {key}; the test would hide it by pointing Kakao at its fake.");
            }

            environment[key] = _kakaoUrl;
        }

        Mappings.Add($"{containerName}: kauth.kakao.com and kapi.kakao.com -> the Kakao fake at {_kakaoUrl} (Kakao__AuthBaseUrl/ApiBaseUrl)");
        var dll = environment.TryGetValue("PROJECT_DLL", out var d) ? d : throw new InvalidOperationException("the image sets no PROJECT_DLL");
        var process = await PublishedProcess.StartAsync(Path.GetFileNameWithoutExtension(dll), environment, containerName);
        Mappings.Add($"{containerName}: /app -> {process.Directory}, /tmp -> {process.TempDirectory}");
        _running.Add(process);
        return process;
    }

    /// <summary>
    /// Runs the service's healthcheck command in the "container" until it passes (returns how long that took) or compose
    /// would call it unhealthy (start period + retries × interval; throws with the process's output). The budget is
    /// compose's; only the cadence differs, to learn sooner without starting a probe process every second of a long
    /// start: a probe once the host logged "Application started" (then every second until one passes), and at least
    /// every interval, as compose probes, whatever the host logs.
    /// </summary>
    public async Task<TimeSpan> WaitHealthyAsync(string service, PublishedProcess container)
    {
        var check = _compose.Healthcheck(service);
        var elapsed = Stopwatch.StartNew();
        var last = (ExitCode: -1, Output: "");
        var lastProbe = TimeSpan.Zero;
        while (elapsed.Elapsed < check.Budget)
        {
            if (container.HasExited)
            {
                throw new InvalidOperationException($"{container.Name} exited with {container.ExitCode} before it was healthy:\n{container.Output}");
            }

            if (container.Output.Contains(HostStarted, StringComparison.Ordinal) || elapsed.Elapsed - lastProbe >= check.Interval)
            {
                lastProbe = elapsed.Elapsed;
                last = await container.ExecAsync(check.Command, check.Timeout);
                if (last.ExitCode == 0)
                {
                    return elapsed.Elapsed;
                }

                await Task.Delay(TimeSpan.FromSeconds(1));
            }
            else
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200));
            }
        }

        throw new TimeoutException($"{container.Name} not healthy within {check.Budget.TotalSeconds:0} s ({check.StartPeriod.TotalSeconds:0} s + {check.Retries} × {check.Interval.TotalSeconds:0} s); last probe exit {last.ExitCode} {last.Output}\n{container.Output}");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _running)
        {
            await process.DisposeAsync();
        }
    }

    /// <summary>The host port compose publishes the container port on (<c>127.0.0.1:5080:8080</c> → 5080), or null.</summary>
    private int? PublishedPort(string service)
    {
        foreach (var spec in _compose.Ports(service).Select(_variables.Substitute))
        {
            var parts = spec.Split(':');
            if (int.Parse(parts[^1], CultureInfo.InvariantCulture) == ContainerPort)
            {
                Mappings.Add($"{service}: ports '{spec}' -> the app listens on 127.0.0.1:{parts[^2]} itself");
                return int.Parse(parts[^2], CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    private string MapNetwork(string value, int port)
    {
        var mapped = MariaDbHost().Replace(value, $"Server=127.0.0.1;Port={_databasePort}");
        mapped = ListenUrl().Replace(mapped, $"${{scheme}}127.0.0.1:{port}");
        return mapped == ContainerPort.ToString(CultureInfo.InvariantCulture) ? port.ToString(CultureInfo.InvariantCulture) : mapped;
    }

    private static string Redacted(string name, string value) =>
        name.StartsWith("ConnectionStrings", StringComparison.Ordinal) ? PasswordPart().Replace(value, "Pwd=***") : value;

    [GeneratedRegex(@"Server=mariadb;Port=3306")]
    private static partial Regex MariaDbHost();

    [GeneratedRegex(@"(?<scheme>https?://)(\+|\*|0\.0\.0\.0|\[::\]):8080")]
    private static partial Regex ListenUrl();

    [GeneratedRegex(@"Pwd=[^;]*")]
    private static partial Regex PasswordPart();
}
