using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Xunit;

namespace Notifier.Testing.Hosting;

/// <summary>
/// Debian's real Prometheus Alertmanager on 127.0.0.1 with a config written for the test, clustering off, its storage
/// in a temp folder. Alerts go in through its own API (<c>POST /api/v2/alerts</c>), as Prometheus sends them.
/// </summary>
public sealed class AlertmanagerProcess : IAsyncDisposable
{
    public const string Executable = "/usr/bin/prometheus-alertmanager";

    private readonly Process _process;
    private readonly string _directory;
    private readonly CapturedOutput _output = new();

    private AlertmanagerProcess(Process process, string directory, Uri url)
    {
        _process = process;
        _directory = directory;
        Url = url;
    }

    public Uri Url { get; }

    public string Output => _output.Text;

    /// <summary>Starts Alertmanager with <paramref name="config"/> (YAML) and returns once <c>/-/ready</c> answers 200.</summary>
    public static async Task<AlertmanagerProcess> StartAsync(string config)
    {
        Assert.True(File.Exists(Executable), $"{Executable} is missing: scripts/test.sh installs Debian's prometheus-alertmanager package.");
        var directory = Directory.CreateTempSubdirectory("notifier-alertmanager-").FullName;
        var file = Path.Combine(directory, "alertmanager.yml");
        await File.WriteAllTextAsync(file, config);
        var url = new Uri($"http://127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}");
        var start = new ProcessStartInfo(Executable,
            [$"--config.file={file}", $"--storage.path={Path.Combine(directory, "data")}", $"--web.listen-address={url.Authority}", "--cluster.listen-address="])
        {
            UseShellExecute = false,
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment.Clear();
        start.Environment["PATH"] = "/usr/bin:/bin";
        start.Environment["HOME"] = directory;
        var process = Process.Start(start) ?? throw new InvalidOperationException("alertmanager did not start");
        var alertmanager = new AlertmanagerProcess(process, directory, url);
        alertmanager._output.Capture(process);
        using var client = new HttpClient { BaseAddress = url };
        await Eventually.TrueAsync(async () =>
        {
            Assert.False(process.HasExited, $"alertmanager exited: {alertmanager.Output}");
            try
            {
                using var ready = await client.GetAsync(new Uri("/-/ready", UriKind.Relative));
                return ready.StatusCode == HttpStatusCode.OK;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, "Alertmanager to be ready", TimeSpan.FromSeconds(30));
        return alertmanager;
    }

    /// <summary>Posts alerts to Alertmanager's API v2, as Prometheus does.</summary>
    public async Task PostAlertsAsync(object alerts)
    {
        using var client = new HttpClient { BaseAddress = Url };
        using var response = await client.PostAsJsonAsync(new Uri("/api/v2/alerts", UriKind.Relative), alerts);
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
