using Microsoft.Extensions.Hosting;
using Notifier.Testing.Kakao;

namespace Notifier.Bench;

/// <summary>
/// Bulk rows straight into the database: one account is connected through the real code exchange, the rest are copies
/// of it (same encrypted tokens, their own Kakao user ids), and deliveries are inserted due now in one statement.
/// </summary>
internal static class Seeding
{
    private const string Template = """{"object_type":"text","text":"bench","link":{"web_url":"https://notifier.example.com"}}""";

    public static async Task ConnectFirstAsync(BenchWorld world, IHost host) =>
        await KakaoAccounts.ConnectAsync(host.Services, world.Kakao, 1, "bench 1");

    /// <summary>Copies the first account until there are <paramref name="total"/> accounts.</summary>
    public static async Task EnsureAccountsAsync(BenchWorld world, int total)
    {
        var existing = await world.ScalarAsync("SELECT COUNT(*) FROM accounts");
        if (existing >= total)
        {
            return;
        }

        await world.ScalarAsync($"""
            INSERT INTO accounts (KakaoUserId, Nickname, AccessTokenCipher, RefreshTokenCipher, AccessTokenExpiresAt,
                                  RefreshTokenExpiresAt, Scopes, Status, ConnectedAt, UpdatedAt)
            SELECT 1000000 + s.seq, CONCAT('bench ', s.seq), a.AccessTokenCipher, a.RefreshTokenCipher, a.AccessTokenExpiresAt,
                   a.RefreshTokenExpiresAt, a.Scopes, a.Status, a.ConnectedAt, a.UpdatedAt
            FROM (SELECT * FROM accounts ORDER BY Id LIMIT 1) a
            JOIN seq_{existing + 1}_to_{total} s
            """);
    }

    /// <summary>Inserts <paramref name="count"/> deliveries due now, spread round-robin over the first <paramref name="accounts"/> accounts.</summary>
    public static Task InsertDueAsync(BenchWorld world, int count, int accounts) =>
        world.ScalarAsync($"""
            INSERT INTO deliveries (AccountId, Status, TemplateJson, Attempts, CreatedAt, DueAt)
            SELECT a.Id, 'queued', @template, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
            FROM seq_0_to_{count - 1} s
            JOIN (SELECT Id, ROW_NUMBER() OVER (ORDER BY Id) - 1 AS rn FROM accounts ORDER BY Id LIMIT {accounts}) a
              ON a.rn = s.seq MOD {accounts}
            """, ("@template", Template));
}
