using System.Net;
using System.Text;
using Notifier.Api.Tests.Support;

namespace Notifier.Api.Tests.Integrations;

public class GrafanaHookFixture : IntegrationFixture;

/// <summary>The same fixture on SQLite (the default provider); the tests below run on both.</summary>
public sealed class GrafanaHookFixtureOnSqlite : GrafanaHookFixture
{
    protected override Notifier.Testing.Database.ITestDatabase CreateDatabase() => OnSqlite();
}

/// <summary>Grafana's webhook contact point, with the sample payload from Grafana's documentation (links on example.com).</summary>
public abstract class GrafanaHookTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : GrafanaHookFixture
{
    // Grafana's documented example (Alerting > Configure contact points > Webhook), its URLs on a registered domain.
    private const string Sample = """
        {
          "receiver": "My Super Webhook",
          "status": "firing",
          "orgId": 1,
          "alerts": [
            {
              "status": "firing",
              "labels": { "alertname": "High memory usage", "team": "blue", "zone": "us-1" },
              "annotations": { "description": "The system has high memory usage", "runbook_url": "https://example.com/runbook", "summary": "This alert was triggered for zone us-1" },
              "startsAt": "2021-10-12T09:51:03.157076+02:00",
              "endsAt": "0001-01-01T00:00:00Z",
              "generatorURL": "https://example.com/alerting/1afz29v7z/edit",
              "fingerprint": "c6eadffa33fcdf37",
              "silenceURL": "https://example.com/alerting/silence/new?alertmanager=grafana&matchers=alertname%3DT2%2Cteam%3Dblue%2Czone%3Dus-1",
              "dashboardURL": "",
              "panelURL": "https://example.com/d/abcd/dash?viewPanel=2",
              "imageURL": "https://example.com/render/panel.png",
              "values": { "B": 44.23943737541908, "C": 1 }
            }
          ],
          "groupLabels": {},
          "commonLabels": { "team": "blue" },
          "commonAnnotations": {},
          "externalURL": "https://example.com/",
          "version": "1",
          "groupKey": "{}:{}",
          "truncatedAlerts": 0,
          "title": "[FIRING:1]  (blue)",
          "state": "alerting",
          "message": "**Firing**\n\nLabels:\n - alertname = High memory usage\n - team = blue\n - zone = us-1\nAnnotations:\n - description = The system has high memory usage\n - runbook_url = https://example.com/runbook\n - summary = This alert was triggered for zone us-1\nSource: https://example.com/alerting/1afz29v7z/edit\nSilence: https://example.com/alerting/silence/new\n"
        }
        """;

    [Fact]
    public async Task TheDocumentedSample_IsACardLinkingThePanel_WithTheImage_AndTheWholeMessageBehindViewAll()
    {
        using var client = fixture.Client();

        using var response = await client.PostAsync("/hooks/grafana/grafana-alerts", new StringContent(Sample, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var memo = await fixture.MemoAsync("[FIRING:1]  (blue)");
        var content = memo["content"]!;
        Assert.Equal("🔥 [FIRING:1]  (blue)", content["title"]!.GetValue<string>());
        Assert.Equal("https://example.com/d/abcd/dash?viewPanel=2", content["link"]!["web_url"]!.GetValue<string>());
        Assert.Equal("https://example.com/render/panel.png", content["image_url"]!.GetValue<string>());
        Assert.StartsWith("**Firing**", content["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.EndsWith("…", content["description"]!.GetValue<string>(), StringComparison.Ordinal);
        var buttons = memo["buttons"]!.AsArray().Select(b => b!["title"]!.GetValue<string>()).ToList();
        Assert.Equal(["Open", "전체 보기"], buttons);
    }

    [Fact]
    public async Task WithBasicAuth_AsGrafanaSendsIt_IsAccepted()
    {
        using var client = fixture.Client("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("grafana:" + NotifierApiFactory.ApiKey)));

        using var response = await client.PostAsync("/hooks/grafana/grafana-basic", new StringContent(Sample.Replace("(blue)", "(basic)", StringComparison.Ordinal), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await fixture.MemoAsync("(basic)");
    }

    [Fact]
    public async Task WithoutAMessage_TheAlertsStartIsInTheAccountsZone_WithItsSummerOffset()
    {
        using var client = fixture.Client();
        var sample = Sample.Replace("(blue)", "(zoned)", StringComparison.Ordinal)
            .Replace("\"message\": \"**Firing**", "\"message\": \"\", \"unused\": \"**Firing**", StringComparison.Ordinal);
        await fixture.Database.ScalarAsync("UPDATE accounts SET TimeZone = 'America/New_York' WHERE Id = @id", ("@id", fixture.AccountId));
        try
        {
            using var response = await client.PostAsync("/hooks/grafana/grafana-zoned", new StringContent(sample, Encoding.UTF8, "application/json"));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            // 09:51:03+02:00 is 03:51 in New York, on summer time (EDT, UTC-04:00) in October.
            var description = (await fixture.MemoAsync("(zoned)"))["content"]!["description"]!.GetValue<string>();
            Assert.Equal("• This alert was triggered for zone us-1 · since 2021-10-12 03:51 UTC-04:00", description);
        }
        finally
        {
            await fixture.Database.ScalarAsync("UPDATE accounts SET TimeZone = 'Asia/Seoul' WHERE Id = @id", ("@id", fixture.AccountId));
        }
    }

    [Fact]
    public async Task APayloadWithNeitherTitleNorAlerts_Is400_AndStoresNothing()
    {
        using var api = new ApiClient(fixture);
        var before = await fixture.DeliveryCountAsync();

        var answer = await api.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/hooks/grafana/grafana-alerts")
        {
            Content = new StringContent("{\"receiver\":\"x\"}", Encoding.UTF8, "application/json"),
        });

        answer.AssertProblemDetail(HttpStatusCode.BadRequest, "Grafana");
        Assert.Equal(before, await fixture.DeliveryCountAsync());
    }
}

public sealed class GrafanaHookTestsOnMariaDb(GrafanaHookFixture fixture) : GrafanaHookTests<GrafanaHookFixture>(fixture);

public sealed class GrafanaHookTestsOnSqlite(GrafanaHookFixtureOnSqlite fixture) : GrafanaHookTests<GrafanaHookFixtureOnSqlite>(fixture);
