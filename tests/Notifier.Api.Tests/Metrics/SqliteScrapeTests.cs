using Microsoft.Data.Sqlite;
using Notifier.Api.Tests.Support;
using Notifier.Testing;
using Notifier.Testing.Kakao;

namespace Notifier.Api.Tests.Metrics;

/// <summary>The embedded default (SQLite, the Api dispatches): the same scrape after a message is really sent.</summary>
[Collection(MetricsScrapes.Name)]
public sealed class SqliteScrapeTests : IDisposable
{
    private readonly string _contentRoot = Directory.CreateTempSubdirectory("notifier-sqlite-metrics-").FullName;
    private readonly KakaoFake _kakao = new();

    [Fact]
    public async Task OnSqlite_TheGaugesCountASentMessage_AndTheSendCounterHasIt()
    {
        var settings = NotifierApiFactory.Settings("", _kakao, new Dictionary<string, string?>
        {
            ["Database:SqliteFile"] = Path.Combine(_contentRoot, "notifier.db"),
            ["Notifier:PublicUrl"] = "https://notifier.example.com",
            ["Kakao:AllowedLinkDomains:0"] = "example.com",
            ["Kakao:AllowedLinkDomains:1"] = "notifier.example.com",
            ["Dispatch:PollIntervalMilliseconds"] = "100",
        });
        settings.Remove("Database:Provider");
        settings.Remove("ConnectionStrings:Notifier");
        await using var factory = new NotifierApiFactory(settings);
        using var browser = factory.CreateBrowser();
        using (var callback = await KakaoBrowserFlow.ConnectAsync(browser, _kakao, 7101, "Sqlite Metric"))
        {
            Assert.Equal(System.Net.HttpStatusCode.Redirect, callback.StatusCode);
        }

        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", NotifierApiFactory.ApiKey);
        using (var sent = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), System.Net.Http.Json.JsonContent.Create(new { text = "metrics on sqlite" })))
        {
            Assert.Equal(System.Net.HttpStatusCode.Accepted, sent.StatusCode);
        }

        var scrape = await Eventually.MatchAsync(
            () => client.ScrapeAsync(), s => s.Series("notifier_deliveries", ("status", "sent")).Sum(x => x.Value) == 1, "the sent message in notifier_deliveries");

        Assert.Equal(0, scrape.Value("notifier_deliveries", ("status", "queued")));
        Assert.Equal(1, scrape.Value("notifier_accounts", ("status", "active")));
        Assert.Equal(0, scrape.Value("notifier_queue_oldest_age_seconds"));
        Assert.True(scrape.Value("notifier_refresh_token_min_days_left") > 1);
        Assert.True(scrape.Value("notifier_sends_total", ("outcome", "sent")) >= 1);
        Assert.True(scrape.Series("notifier_kakao_send_duration_seconds_count", ("result", "ok")).Sum(s => s.Value) >= 1);
        Assert.True(scrape.Series("notifier_claim_size_count").Sum(s => s.Value) >= 1);
    }

    public void Dispose()
    {
        _kakao.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_contentRoot, recursive: true);
    }
}
