using Notifier.Api.Tests.Support;
using Notifier.Testing.Database;

namespace Notifier.Api.Tests.Metrics;

/// <summary>
/// Three connected accounts (one needing reauthorization) and deliveries in every state, written straight into the
/// database with times relative to the database's clock. The dispatcher is off, so nothing moves.
/// </summary>
public sealed class SeededMetricsFixture : MessagingFixture
{
    public static readonly (long KakaoUserId, string Nickname)[] People = [(91_001, "Metric Minji"), (91_002, "Metric Jisoo"), (91_003, "Metric Dahye")];

    public IReadOnlyList<long> AccountIds { get; private set; } = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var ids = new List<long>();
        foreach (var (kakaoUserId, nickname) in People)
        {
            ids.Add(await this.ConnectAccountAsync(kakaoUserId, nickname));
        }

        AccountIds = ids;
        await this.SetAccountStatusAsync(ids[2], "reauthorization_required");
        await ExecuteAsync("UPDATE accounts SET RefreshTokenExpiresAt = DATE_ADD(UTC_TIMESTAMP(6), INTERVAL 10 DAY) WHERE Id = @id", ids[0]);
        await ExecuteAsync("UPDATE accounts SET RefreshTokenExpiresAt = DATE_ADD(UTC_TIMESTAMP(6), INTERVAL 40 DAY) WHERE Id = @id", ids[1]);
        // Expired long ago, but not active: it must not count for the least days left.
        await ExecuteAsync("UPDATE accounts SET RefreshTokenExpiresAt = DATE_SUB(UTC_TIMESTAMP(6), INTERVAL 5 DAY) WHERE Id = @id", ids[2]);

        // queued: due 2 minutes ago (the oldest due), due 10 s ago, due in an hour.
        await DeliveryAsync(ids[0], "queued", dueInSeconds: -120);
        await DeliveryAsync(ids[1], "queued", dueInSeconds: -10);
        await DeliveryAsync(ids[0], "queued", dueInSeconds: 3600);
        await DeliveryAsync(ids[0], "sending", dueInSeconds: 60);
        // Settled rows count while they settled (DueAt) in the last 24 h; the 30-hour-old one does not.
        await DeliveryAsync(ids[0], "sent", dueInSeconds: -3600);
        await DeliveryAsync(ids[1], "sent", dueInSeconds: -60);
        await DeliveryAsync(ids[1], "sent", dueInSeconds: -30 * 3600);
        await DeliveryAsync(ids[2], "failed", dueInSeconds: -600);
        await DeliveryAsync(ids[0], "unknown", dueInSeconds: -300);
    }

    private Task DeliveryAsync(long accountId, string status, int dueInSeconds) =>
        TestMariaDb.ScalarAsync(ConnectionString, """
            INSERT INTO deliveries (AccountId, Status, TemplateJson, Attempts, CreatedAt, DueAt, SentAt)
            VALUES (@account, @status, '{"object_type":"text","text":"seeded"}', 1, UTC_TIMESTAMP(6),
                    DATE_ADD(UTC_TIMESTAMP(6), INTERVAL @due SECOND), IF(@status = 'sent', DATE_ADD(UTC_TIMESTAMP(6), INTERVAL @due SECOND), NULL))
            """, ("@account", accountId), ("@status", status), ("@due", dueInSeconds));

    private Task ExecuteAsync(string sql, long id) => TestMariaDb.ScalarAsync(ConnectionString, sql, ("@id", id));
}
