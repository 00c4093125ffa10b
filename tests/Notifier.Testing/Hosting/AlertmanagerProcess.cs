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

    private readonly ForeignProcess _process;

    private AlertmanagerProcess(ForeignProcess process, Uri url)
    {
        _process = process;
        Url = url;
    }

    public Uri Url { get; }

    public string Output => _process.Output;

    /// <summary>Starts Alertmanager with <paramref name="config"/> (YAML) and returns once <c>/-/ready</c> answers 200.</summary>
    public static async Task<AlertmanagerProcess> StartAsync(string config)
    {
        var directory = ForeignProcess.NewFolder("alertmanager");
        var file = Path.Combine(directory, "alertmanager.yml");
        await File.WriteAllTextAsync(file, config);
        var url = new Uri($"http://127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}");
        var alertmanager = new AlertmanagerProcess(ForeignProcess.Start(Executable, directory,
            [$"--config.file={file}", $"--storage.path={Path.Combine(directory, "data")}", $"--web.listen-address={url.Authority}", "--cluster.listen-address="]), url);
        using var client = new HttpClient { BaseAddress = url };
        await Eventually.TrueAsync(async () =>
        {
            Assert.False(alertmanager._process.HasExited, $"alertmanager exited: {alertmanager.Output}");
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

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
