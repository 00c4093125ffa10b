using Notifier.Testing;

namespace Notifier.Api.Tests.Metrics;

/// <summary><c>GET /metrics</c> on the seeded database: the cluster gauges, by status, and nothing about a person.</summary>
[Collection(MetricsScrapes.Name)]
public sealed class ClusterGaugeScrapeTests(SeededMetricsFixture fixture) : IClassFixture<SeededMetricsFixture>
{
    private static readonly string[] GaugeNames =
    [
        "notifier_deliveries", "notifier_queue_oldest_age_seconds", "notifier_accounts", "notifier_refresh_token_min_days_left", "notifier_database_up",
    ];

    [Fact]
    public async Task Metrics_IsPrometheusText_WithEveryClusterGauge_UnderItsExactName()
    {
        using var client = fixture.Factory.CreateClient();

        var scrape = await client.ScrapeAsync();

        Assert.All(GaugeNames, name => Assert.True(scrape.Has(name), $"{name} missing from:\n{scrape.Text}"));
        Assert.Contains("# TYPE notifier_deliveries gauge", scrape.Text, StringComparison.Ordinal);
        Assert.Equal(1, scrape.Value("notifier_database_up"));
    }

    [Fact]
    public async Task Metrics_CountDeliveriesAndAccounts_ByEveryStatus()
    {
        using var client = fixture.Factory.CreateClient();

        var scrape = await client.ScrapeAsync();

        Assert.Equal(3, scrape.Value("notifier_deliveries", ("status", "queued")));
        Assert.Equal(1, scrape.Value("notifier_deliveries", ("status", "sending")));
        Assert.Equal(2, scrape.Value("notifier_deliveries", ("status", "sent")));
        Assert.Equal(1, scrape.Value("notifier_deliveries", ("status", "failed")));
        Assert.Equal(1, scrape.Value("notifier_deliveries", ("status", "unknown")));
        Assert.Equal(0, scrape.Value("notifier_deliveries", ("status", "skipped")));
        Assert.Equal(6, scrape.Series("notifier_deliveries").Count());
        Assert.Equal(2, scrape.Value("notifier_accounts", ("status", "active")));
        Assert.Equal(1, scrape.Value("notifier_accounts", ("status", "reauthorization_required")));
        Assert.Equal(0, scrape.Value("notifier_accounts", ("status", "unlinked")));
        Assert.InRange(scrape.Value("notifier_queue_oldest_age_seconds"), 119, 300);
        Assert.InRange(scrape.Value("notifier_refresh_token_min_days_left"), 9.9, 10.01);
    }

    [Fact]
    public async Task Metrics_NameNoAccountAndNoPerson()
    {
        using var client = fixture.Factory.CreateClient();

        var scrape = await client.ScrapeAsync();

        foreach (var (kakaoUserId, nickname) in SeededMetricsFixture.People)
        {
            Assert.DoesNotContain(nickname, scrape.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(kakaoUserId.ToString(System.Globalization.CultureInfo.InvariantCulture), scrape.Text, StringComparison.Ordinal);
        }

        var notifierLabels = scrape.Samples.Where(s => s.Name.StartsWith("notifier_", StringComparison.Ordinal))
            .SelectMany(s => s.Labels.Keys).Where(k => !k.StartsWith("otel_scope_", StringComparison.Ordinal)).ToHashSet();
        Assert.Subset(new HashSet<string> { "status", "outcome", "result", "le" }, notifierLabels);
        var accountIds = fixture.AccountIds.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        Assert.DoesNotContain(scrape.Samples.Where(s => s.Name.StartsWith("notifier_", StringComparison.Ordinal)).SelectMany(s => s.Labels.Values), accountIds.Contains);
    }

    [Fact]
    public async Task Metrics_IncludeThisProcessesHttpServerMetrics()
    {
        using var client = fixture.Factory.CreateClient();
        using (await client.GetAsync(new Uri("/health/live", UriKind.Relative)))
        {
        }

        // The exporter caches a response for 300 ms: ask again until the request is in it.
        var scrape = await Eventually.MatchAsync(
            () => client.ScrapeAsync(),
            s => s.Series("http_server_request_duration_seconds_count", ("http_route", "/health/live")).Any(),
            "the /health/live request in http_server_request_duration_seconds");

        Assert.True(scrape.Series("http_server_request_duration_seconds_count", ("http_route", "/health/live")).Sum(s => s.Value) >= 1);
    }
}
