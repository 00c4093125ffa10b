using Notifier.Testing;
using Notifier.Testing.Hosting;

namespace Notifier.Api.Tests.Integrations;

/// <summary>
/// Debian's real Alertmanager (0.25) with a webhook receiver pointing at the published Notifier (Bearer key through
/// <c>http_config.authorization</c>): an alert posted to its API, then resolved, is one card each, once.
/// </summary>
[Collection(RealClients.Name)]
public sealed class AlertmanagerTests(RealClientsNotifier published)
{
    [Fact]
    public async Task AnAlertFiredThenResolved_IsOneFiringAndOneResolvedCard()
    {
        var notifier = published.Notifier;
        await using var alertmanager = await AlertmanagerProcess.StartAsync($$"""
            route:
              receiver: notifier
              group_by: ['alertname']
              group_wait: 1s
              group_interval: 2s
              repeat_interval: 1h
            receivers:
              - name: notifier
                webhook_configs:
                  - url: {{notifier.Url}}hooks/alertmanager/prod-alerts
                    send_resolved: true
                    http_config:
                      authorization:
                        type: Bearer
                        credentials: {{PublishedNotifier.Key}}
            """);
        var alert = new Dictionary<string, object>
        {
            ["labels"] = new Dictionary<string, string> { ["alertname"] = "HighLatency", ["instance"] = "web-1", ["severity"] = "critical" },
            ["annotations"] = new Dictionary<string, string> { ["summary"] = "p99 latency above 2 s", ["runbook_url"] = "https://runbooks.example.com/latency" },
            ["generatorURL"] = "http://prometheus.example.com/graph?g0.expr=latency",
        };

        await alertmanager.PostAlertsAsync(new[] { alert });
        var firing = await Eventually.MatchAsync(() => published.MemosTitled("[FIRING:1] HighLatency"), m => m.Count > 0, "the firing card", TimeSpan.FromSeconds(60));
        alert["endsAt"] = DateTimeOffset.UtcNow.AddSeconds(-1).ToString("O");
        await alertmanager.PostAlertsAsync(new[] { alert });
        var resolved = await Eventually.MatchAsync(() => published.MemosTitled("[RESOLVED] HighLatency"), m => m.Count > 0, "the resolved card", TimeSpan.FromSeconds(60));

        var settled = await notifier.SettledDeliveriesAsync("prod-alerts", 2);
        Assert.All(settled, d => Assert.Equal("sent", d.GetProperty("status").GetString()));
        Assert.Equal(2, settled.Count);
        var card = Assert.Single(firing).Template;
        Assert.Equal("🔥 [FIRING:1] HighLatency", card["content"]!["title"]!.GetValue<string>());
        var description = card["content"]!["description"]!.GetValue<string>();
        Assert.Contains("p99 latency above 2 s", description, StringComparison.Ordinal);
        Assert.Contains("web-1", description, StringComparison.Ordinal);
        Assert.Contains("severity critical", description, StringComparison.Ordinal);
        Assert.Contains("UTC+09:00", description, StringComparison.Ordinal);
        var buttons = card["buttons"]!.AsArray().Select(b => b!["title"]!.GetValue<string>()).ToList();
        Assert.Equal(["Open", "Runbook"], buttons);
        Assert.Equal("✅ [RESOLVED] HighLatency", Assert.Single(resolved).Template["content"]!["title"]!.GetValue<string>());
        Assert.Equal(2, published.MemosTitled("HighLatency").Count);
        Assert.DoesNotContain("Notify for alerts failed", alertmanager.Output, StringComparison.Ordinal);
    }
}
