using System.Text.Json;
using System.Text.RegularExpressions;
using Notifier.Testing.Compose;
using YamlDotNet.RepresentationModel;

namespace Notifier.Api.Tests.Metrics;

/// <summary>deploy/: the Prometheus example scrapes what Notifier serves, the dashboard asks only for series it exports.</summary>
public sealed partial class DeployFilesTests
{
    // As the exporter writes them (checked against real scrapes in ClusterGaugeScrapeTests and the Worker's port test).
    private static readonly HashSet<string> Exported =
    [
        "notifier_deliveries", "notifier_queue_oldest_age_seconds", "notifier_accounts", "notifier_refresh_token_min_days_left",
        "notifier_database_up", "notifier_sends_total", "notifier_kakao_send_duration_seconds_bucket", "notifier_claim_size_bucket",
        "notifier_claim_size_count", "http_server_request_duration_seconds_count",
    ];

    [Fact]
    public void TheDashboard_QueriesOnlyExportedSeries_AndCoversTheGaugesSendsLatencyAndHttp()
    {
        using var dashboard = JsonDocument.Parse(File.ReadAllText(Path.Combine(ComposeFile.RepositoryRoot, "deploy", "grafana-dashboard.json")));
        var expressions = dashboard.RootElement.GetProperty("panels").EnumerateArray()
            .SelectMany(p => p.GetProperty("targets").EnumerateArray()).Select(t => t.GetProperty("expr").GetString()!).ToList();
        var used = expressions.SelectMany(e => SeriesName().Matches(e).Select(m => m.Value)).ToHashSet();

        Assert.Subset(Exported, used);
        Assert.Superset(new HashSet<string> { "notifier_deliveries", "notifier_queue_oldest_age_seconds", "notifier_accounts", "notifier_refresh_token_min_days_left", "notifier_sends_total", "notifier_kakao_send_duration_seconds_bucket", "http_server_request_duration_seconds_count" }, used);
        Assert.Contains(expressions, e => e.Contains("histogram_quantile(0.95", StringComparison.Ordinal) && e.Contains("notifier_kakao_send_duration_seconds_bucket", StringComparison.Ordinal));
    }

    [Fact]
    public void ThePrometheusExample_ScrapesTheApiAndTheWorkers_AndComposeRunsNoPrometheus()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(ComposeFile.RepositoryRoot, "deploy", "prometheus.yml"))));
        var jobs = ((YamlSequenceNode)((YamlMappingNode)yaml.Documents[0].RootNode)["scrape_configs"]).Cast<YamlMappingNode>()
            .ToDictionary(j => j["job_name"].ToString());

        Assert.Equal("/metrics", jobs["notifier-api"]["metrics_path"].ToString());
        Assert.Contains("api:8080", jobs["notifier-api"]["static_configs"].ToString(), StringComparison.Ordinal);
        Assert.Equal("/metrics", jobs["notifier-worker"]["metrics_path"].ToString());
        Assert.DoesNotContain("prometheus", ComposeFile.Load().Services, StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain("grafana", ComposeFile.Load().Services, StringComparer.OrdinalIgnoreCase);
    }

    [GeneratedRegex(@"\b(notifier|http_server)_[a-z_]+")]
    private static partial Regex SeriesName();
}
