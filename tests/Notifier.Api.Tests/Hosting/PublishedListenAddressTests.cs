using System.Net;
using Notifier.Testing;
using Notifier.Testing.Hosting;

namespace Notifier.Api.Tests.Hosting;

/// <summary>The published Api (<c>dotnet Notifier.Api.dll</c>) listens where the standard ASP.NET Core settings say.</summary>
[RunsLong]
public sealed class PublishedListenAddressTests
{
    [Fact]
    public async Task AspNetCoreUrls_Alone_DecidesWhereThePublishedApiListens()
    {
        var port = FreePort.Next();
        await using var api = await StartAsync(new() { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}" });

        Assert.Equal(new Uri($"http://127.0.0.1:{port}"), await api.ListeningAsync());
        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri($"http://127.0.0.1:{port}/health/live"))).StatusCode);
        Assert.DoesNotContain("5080", api.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AspNetCoreHttpPorts_Alone_DecidesThePort_AndTheHealthProbeFindsIt()
    {
        var port = FreePort.Next();
        await using var api = await StartAsync(new() { ["ASPNETCORE_HTTP_PORTS"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(port, (await api.ListeningAsync()).Port);
        var probe = await Eventually.MatchAsync(
            () => api.ExecAsync(["dotnet", "Notifier.Api.dll", "--health-probe"], TimeSpan.FromSeconds(10)),
            r => r.ExitCode == 0,
            "the health probe to find the Api on its port");
        Assert.Equal(0, probe.ExitCode);
    }

    [Fact]
    public async Task NothingSet_ListensOnTheFriendlyDefault5080()
    {
        Assert.True(FreePort.IsFree(5080), "port 5080 is taken on this machine; this test needs it free");
        await using var api = await StartAsync([]);

        Assert.Equal(new Uri("http://localhost:5080"), await api.ListeningAsync());
        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("http://localhost:5080/health/live"))).StatusCode);
    }

    [Fact]
    public async Task UrlsOnTheCommandLine_WinOverTheDefault()
    {
        var port = FreePort.Next();
        await using var api = await PublishedProcess.StartAsync(
            "Notifier.Api", Embedded(), "api", "--urls", $"http://127.0.0.1:{port}");

        Assert.Equal(new Uri($"http://127.0.0.1:{port}"), await api.ListeningAsync());
    }

    private static async Task<PublishedProcess> StartAsync(Dictionary<string, string> listen)
    {
        var environment = Embedded();
        foreach (var (key, value) in listen)
        {
            environment[key] = value;
        }

        return await PublishedProcess.StartAsync("Notifier.Api", environment, "api");
    }

    /// <summary>The embedded default, with its SQLite file outside the shared publish folder (not a listen setting).</summary>
    private static Dictionary<string, string> Embedded() => new()
    {
        ["Database__SqliteFile"] = Path.Combine(Directory.CreateTempSubdirectory("notifier-listen-").FullName, "notifier.db"),
    };
}
