using Microsoft.Extensions.Hosting;
using MySqlConnector;
using Notifier.Core.Metrics;
using Notifier.Core.Tests.Data;
using Notifier.Testing.Database;

namespace Notifier.Core.Tests.Metrics;

/// <summary>
/// A scrape must stay cheap however long the delivery log grows: MariaDB's plan for the snapshot statement reads the
/// existing (Status, DueAt) and (Status, RefreshTokenExpiresAt) indexes, never a table scan.
/// </summary>
public sealed class SnapshotQueryPlanTests(MariaDbDatabase database) : IClassFixture<MariaDbDatabase>
{
    private static readonly string[] Indexes = ["IX_deliveries_Status_DueAt", "IX_accounts_Status_RefreshTokenExpiresAt"];

    [Fact]
    public async Task TheSnapshotStatement_ReadsOnlyTheStatusIndexes()
    {
        using (var host = CoreHost.Build(database.ConnectionString))
        {
            await host.StartAsync(); // applies the migrations
            await host.StopAsync();
        }

        await SeedAsync();
        var plan = await ExplainAsync(ClusterSnapshotQuery.For(DateTime.UtcNow.AddHours(-24)));

        Assert.Contains(plan, row => row.Table == "deliveries");
        Assert.Contains(plan, row => row.Table == "accounts");
        Assert.All(plan.Where(row => row.Table is "deliveries" or "accounts"), row =>
        {
            Assert.NotEqual("ALL", row.Type);
            Assert.Contains(row.Key, Indexes);
        });
    }

    private async Task SeedAsync()
    {
        await TestMariaDb.ScalarAsync(database.ConnectionString, """
            INSERT INTO accounts (KakaoUserId, Nickname, AccessTokenCipher, RefreshTokenCipher, AccessTokenExpiresAt, RefreshTokenExpiresAt, Scopes, Status, ConnectedAt, UpdatedAt)
            SELECT seq, 'n', 'a', 'r', UTC_TIMESTAMP(6), DATE_ADD(UTC_TIMESTAMP(6), INTERVAL seq MINUTE), 'talk_message',
                   IF(seq % 10 = 0, 'unlinked', 'active'), UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
            FROM seq_1_to_200
            """);
        // A log mostly of old settled rows, as a long-running installation has.
        await TestMariaDb.ScalarAsync(database.ConnectionString, """
            INSERT INTO deliveries (AccountId, Status, TemplateJson, Attempts, CreatedAt, DueAt)
            SELECT (SELECT MIN(Id) FROM accounts), ELT(1 + seq % 20, 'queued', 'sending', 'failed', 'unknown', 'skipped', 'sent', 'sent', 'sent', 'sent', 'sent', 'sent', 'sent', 'sent', 'sent', 'sent', 'sent', 'sent', 'sent', 'sent', 'sent'),
                   '{}', 1, UTC_TIMESTAMP(6), DATE_SUB(UTC_TIMESTAMP(6), INTERVAL seq MINUTE)
            FROM seq_1_to_20000
            """);
        await TestMariaDb.ScalarAsync(database.ConnectionString, "ANALYZE TABLE deliveries, accounts");
    }

    private async Task<List<PlanRow>> ExplainAsync(FormattableString query)
    {
        var arguments = query.GetArguments();
        var sql = string.Format(System.Globalization.CultureInfo.InvariantCulture, query.Format, arguments.Select((_, i) => (object)$"@p{i}").ToArray());
        await using var connection = new MySqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand("EXPLAIN " + sql, connection);
        for (var i = 0; i < arguments.Length; i++)
        {
            command.Parameters.AddWithValue($"@p{i}", arguments[i]);
        }

        var rows = new List<PlanRow>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new PlanRow(
                reader["table"] as string,
                reader["type"] as string,
                reader["key"] as string));
        }

        return rows;
    }

    private sealed record PlanRow(string? Table, string? Type, string? Key);
}
