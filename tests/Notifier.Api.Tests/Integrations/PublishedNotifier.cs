using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Notifier.Testing;
using Notifier.Testing.Hosting;
using Notifier.Testing.Kakao;

namespace Notifier.Api.Tests.Integrations;

/// <summary>
/// The published Api as it is run (<c>dotnet Notifier.Api.dll</c>, settings from the environment, the embedded SQLite
/// default, so it dispatches too) against the fake Kakao, with one operator key, for the real clients to call.
/// </summary>
public sealed class PublishedNotifier : IAsyncDisposable
{
    public const string Key = "published-integration-key-0123456789abcdef";

    private readonly string _directory;

    private PublishedNotifier(PublishedProcess process, Uri url, string directory)
    {
        Process = process;
        Url = url;
        _directory = directory;
    }

    public PublishedProcess Process { get; }

    public Uri Url { get; }

    public static async Task<PublishedNotifier> StartAsync(KakaoFake kakao, IReadOnlyDictionary<string, string>? extra = null)
    {
        var directory = Directory.CreateTempSubdirectory("notifier-published-").FullName;
        var port = FreePort.Next();
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["Notifier__PublicUrl"] = $"http://127.0.0.1:{port}",
            ["Database__SqliteFile"] = Path.Combine(directory, "notifier.db"),
            ["Kakao__AuthBaseUrl"] = kakao.Url,
            ["Kakao__ApiBaseUrl"] = kakao.Url,
            ["Kakao__RestApiKey"] = KakaoFake.RestApiKey,
            ["Kakao__ClientSecret"] = KakaoFake.ClientSecret,
            ["Kakao__TimeoutSeconds"] = "30", // as TestHost: a loaded machine can make the fake's answer late
            ["Api__Keys__integrations"] = Key,
            ["Dispatch__PollIntervalMilliseconds"] = "100",
        };
        foreach (var (name, value) in extra ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }

        var process = await PublishedProcess.StartAsync("Notifier.Api", environment, "api");
        return new PublishedNotifier(process, await process.ListeningAsync(), directory);
    }

    /// <summary>Connects a Kakao user through the real OAuth flow, as a browser does.</summary>
    public async Task ConnectAsync(KakaoFake kakao, long kakaoUserId, string nickname)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = Url };
        using var login = await browser.GetAsync(new Uri("/auth/kakao/login", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        using var connected = await browser.GetAsync(kakao.Authorize(login.Headers.Location!, kakaoUserId, nickname));
        Assert.Equal(HttpStatusCode.Redirect, connected.StatusCode);
    }

    /// <summary>The deliveries of a topic as <c>GET /api/messages?topic=</c> lists them.</summary>
    public async Task<List<JsonElement>> DeliveriesAsync(string topic)
    {
        using var client = new HttpClient { BaseAddress = Url };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        var list = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/messages?topic={topic}", UriKind.Relative));
        return list.GetProperty("items").EnumerateArray().ToList();
    }

    /// <summary>Waits until every delivery of the topic is settled, then returns them.</summary>
    public Task<List<JsonElement>> SettledDeliveriesAsync(string topic, int count) => Eventually.MatchAsync(
        () => DeliveriesAsync(topic),
        items => items.Count >= count && items.All(i => i.GetProperty("status").GetString() is "sent" or "failed" or "unknown"),
        $"{count} deliveries of topic {topic} to be settled",
        TimeSpan.FromSeconds(60));

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
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
