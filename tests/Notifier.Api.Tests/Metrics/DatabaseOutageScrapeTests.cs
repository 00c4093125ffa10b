using MySqlConnector;
using Notifier.Api.Tests.Support;
using Notifier.Testing.Database;
using Notifier.Testing.Kakao;

namespace Notifier.Api.Tests.Metrics;

/// <summary>The database goes away under a running Api: a scrape still answers, says so, and logs no secret.</summary>
[Collection(MetricsScrapes.Name)]
public sealed class DatabaseOutageScrapeTests
{
    [Fact]
    public async Task WithTheDatabaseGone_MetricsStillAnswers_WithDatabaseUpZero_AndAWarningWithoutSecrets()
    {
        using var kakao = new KakaoFake();
        var connectionString = await TestMariaDb.CreateDatabaseAsync(nameof(DatabaseOutageScrapeTests));
        await using var factory = new NotifierApiFactory(NotifierApiFactory.Settings(connectionString, kakao));
        using var client = factory.CreateClient();
        Assert.Equal(1, (await client.ScrapeAsync()).Value("notifier_database_up"));

        await TestMariaDb.DropDatabaseAsync(connectionString);
        var started = DateTime.UtcNow;
        var scrape = await Testing.Eventually.MatchAsync(() => client.ScrapeAsync(), s => s.Value("notifier_database_up") == 0, "the scrape to see the database gone");

        Assert.False(scrape.Has("notifier_deliveries"), "no made-up zeros while the database cannot be read");
        Assert.True(scrape.Has("http_server_request_duration_seconds_count"), "the rest of the scrape is still there");
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10));
        var warning = Assert.Single(factory.Logs.Lines, l => l.Contains("cluster gauges", StringComparison.Ordinal));
        var builder = new MySqlConnectionStringBuilder(connectionString);
        Assert.DoesNotContain(builder.Password, warning, StringComparison.Ordinal);
        Assert.DoesNotContain(builder.Database, warning, StringComparison.Ordinal);
        Assert.StartsWith("Warning", warning, StringComparison.Ordinal);
    }
}
