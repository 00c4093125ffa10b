using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Notifier.Api.Tests.Support;

namespace Notifier.Api.Tests.Integrations;

public class AlertmanagerHookFixture : IntegrationFixture;

/// <summary>The same fixture on SQLite (the default provider); the tests below run on both.</summary>
public sealed class AlertmanagerHookFixtureOnSqlite : AlertmanagerHookFixture
{
    protected override Notifier.Testing.Database.ITestDatabase CreateDatabase() => OnSqlite();
}

/// <summary>Alertmanager's payload v4 and the dedupe of the same notification within 10 minutes, through the database.</summary>
public abstract class AlertmanagerHookTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : AlertmanagerHookFixture
{
    [Fact]
    public async Task TheSameNotificationTwice_IsOneDelivery_AndAfterTenMinutesANewOne()
    {
        using var client = fixture.Client();
        var payload = Payload("{}:{alertname=\"DiskFull\"}", "firing", "fp-a", "fp-b");

        var first = await PostAsync(client, "/hooks/alertmanager/dedupe", payload);
        var again = await PostAsync(client, "/hooks/alertmanager/dedupe", Payload("{}:{alertname=\"DiskFull\"}", "firing", "fp-b", "fp-a"));

        Assert.Equal(first, again);
        Assert.Equal(1, await fixture.LongAsync("SELECT COUNT(*) FROM deliveries WHERE Topic = 'dedupe'"));
        var memo = await fixture.MemoAsync("[FIRING:2] DiskFull");
        Assert.Equal("🔥 [FIRING:2] DiskFull", memo["content"]!["title"]!.GetValue<string>());

        var resolved = await PostAsync(client, "/hooks/alertmanager/dedupe", Payload("{}:{alertname=\"DiskFull\"}", "resolved", "fp-a", "fp-b"));
        Assert.NotEqual(first, resolved);

        // Eleven minutes later (as if): the same firing notification is news again.
        await fixture.Database.ScalarAsync(
            "UPDATE idempotency_keys SET CreatedAt = @at WHERE DeliveryId = @id", ("@at", DateTime.UtcNow.AddMinutes(-11)), ("@id", first));
        var later = await PostAsync(client, "/hooks/alertmanager/dedupe", payload);
        Assert.NotEqual(first, later);
        Assert.Equal(3, await fixture.LongAsync("SELECT COUNT(*) FROM deliveries WHERE Topic = 'dedupe'"));
    }

    [Fact]
    public async Task TheStartTime_IsWrittenInTheReceivingAccountsZone_WithItsOffset()
    {
        using var client = fixture.Client();
        // 2026-12-02T01:00:00Z: 10:00 in Seoul (the default zone), 20:00 the evening before in New York (EST).
        await PostAsync(client, "/hooks/alertmanager/zoned", Payload("{}:{zone=\"seoul\"}", "firing", "fp-seoul"));
        var seoul = await fixture.MemoAsync("fp-seoul");
        Assert.Contains("fp-seoul · severity warning · since 2026-12-02 10:00 UTC+09:00", Description(seoul), StringComparison.Ordinal);

        await fixture.Database.ScalarAsync("UPDATE accounts SET TimeZone = 'America/New_York' WHERE Id = @id", ("@id", fixture.AccountId));
        try
        {
            await PostAsync(client, "/hooks/alertmanager/zoned", Payload("{}:{zone=\"new-york\"}", "firing", "fp-new-york"));
            var newYork = await fixture.MemoAsync("fp-new-york");
            Assert.Contains("fp-new-york · severity warning · since 2026-12-01 20:00 UTC-05:00", Description(newYork), StringComparison.Ordinal);
        }
        finally
        {
            await fixture.Database.ScalarAsync("UPDATE accounts SET TimeZone = 'Asia/Seoul' WHERE Id = @id", ("@id", fixture.AccountId));
        }
    }

    [Theory]
    [InlineData("{\"version\":\"3\",\"status\":\"firing\",\"groupKey\":\"g\",\"alerts\":[{}]}")]
    [InlineData("{\"version\":\"4\",\"status\":\"firing\",\"groupKey\":\"g\",\"alerts\":[]}")]
    [InlineData("{\"version\":\"4\",\"status\":\"firing\",\"groupKey\":\"g\",")]
    [InlineData("[1,2,3]")]
    public async Task AMalformedPayload_Is400_AndStoresNothing(string body)
    {
        using var api = new ApiClient(fixture);
        var before = await fixture.DeliveryCountAsync();

        var answer = await api.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/hooks/alertmanager/malformed")
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        });

        answer.AssertProblemDetail(HttpStatusCode.BadRequest, "Alertmanager");
        Assert.Equal(before, await fixture.DeliveryCountAsync());
    }

    [Fact]
    public async Task AnOversizePayload_Is413_AndStoresNothing()
    {
        using var api = new ApiClient(fixture);
        var before = await fixture.DeliveryCountAsync();

        var answer = await api.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/hooks/alertmanager/big")
        {
            Content = new StringContent("{\"version\":\"4\",\"x\":\"" + new string('x', 1100 * 1024) + "\"}", System.Text.Encoding.UTF8, "application/json"),
        });

        answer.AssertProblem(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(before, await fixture.DeliveryCountAsync());
    }

    private static string Description(System.Text.Json.Nodes.JsonObject memo) => memo["content"]!["description"]!.GetValue<string>();

    private static async Task<long> PostAsync(HttpClient client, string path, object payload)
    {
        using var response = await client.PostAsJsonAsync(path, payload);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt64();
    }

    private static object Payload(string groupKey, string status, params string[] fingerprints) => new
    {
        version = "4",
        groupKey,
        truncatedAlerts = 0,
        status,
        receiver = "notifier",
        groupLabels = new Dictionary<string, string> { ["alertname"] = "DiskFull" },
        commonLabels = new Dictionary<string, string> { ["alertname"] = "DiskFull", ["severity"] = "warning" },
        commonAnnotations = new Dictionary<string, string> { ["summary"] = "Disk above 90 %" },
        externalURL = "https://alertmanager.example.com",
        alerts = fingerprints.Select(f => new
        {
            status,
            labels = new Dictionary<string, string> { ["alertname"] = "DiskFull", ["instance"] = f, ["severity"] = "warning" },
            annotations = new Dictionary<string, string> { ["summary"] = "Disk above 90 %" },
            startsAt = "2026-12-02T01:00:00Z",
            endsAt = "0001-01-01T00:00:00Z",
            generatorURL = "https://prometheus.example.com/graph",
            fingerprint = f,
        }).ToArray(),
    };
}

public sealed class AlertmanagerHookTestsOnMariaDb(AlertmanagerHookFixture fixture) : AlertmanagerHookTests<AlertmanagerHookFixture>(fixture);

public sealed class AlertmanagerHookTestsOnSqlite(AlertmanagerHookFixtureOnSqlite fixture) : AlertmanagerHookTests<AlertmanagerHookFixtureOnSqlite>(fixture);
