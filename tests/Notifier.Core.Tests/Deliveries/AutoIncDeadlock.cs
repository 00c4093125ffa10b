using System.Globalization;
using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using MySqlConnector;
using Notifier.Core.Data;
using Notifier.Core.Deliveries;

namespace Notifier.Core.Tests.Deliveries;

/// <summary>
/// Another writer on the same MariaDB that makes the next <paramref name="times"/> inserts of a group holding a row with
/// <paramref name="marker"/> in its template lose a real deadlock,
/// the one two writers' inserts into <c>deliveries</c> can meet (ADR 0016). Before our insert runs, the other writer
/// opens a transaction, writes elsewhere (so InnoDB, which rolls back the lighter side, picks ours) and share-locks
/// every row of <c>deliveries</c>. Our <c>INSERT … SELECT</c> then takes the table's AUTO-INC lock and waits for a row
/// lock; the other writer's own insert waits for that AUTO-INC lock, which closes the cycle. It rolls back afterwards.
/// </summary>
internal sealed class AutoIncDeadlock(int times, string marker) : IIntakeGroupHook
{
    private readonly ConcurrentQueue<Task<bool>> _others = new();
    private int _left = times;

    /// <summary>How many times our insert lost (the other writer's insert went through); faults if the other writer failed.</summary>
    public async Task<int> OursLostAsync() => (await Task.WhenAll(_others)).Count(lost => lost);

    public async Task BeforeInsertAsync(IReadOnlyList<IntakeRow> rows, NotifierDbContext db, CancellationToken cancellationToken)
    {
        if (!rows.Any(r => r.TemplateJson.Contains(marker, StringComparison.Ordinal)) || Interlocked.Decrement(ref _left) < 0)
        {
            return;
        }

        // The previous round's writer finishes (its insert, then its rollback) before the next one starts.
        await Task.WhenAll(_others);
        var connectionString = db.Database.GetConnectionString()!;
        var deliveries = db.Model.FindEntityType(typeof(Delivery))!;
        string Column(string property) => deliveries.FindProperty(property)!.GetColumnName();
        var table = deliveries.GetTableName();
        var other = new MySqlConnection(connectionString);
        await other.OpenAsync(cancellationToken);
        await ExecuteAsync(other, null, "CREATE TABLE IF NOT EXISTS deadlock_weight (n INT NOT NULL) ENGINE=InnoDB");
        var transaction = await other.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(other, transaction, "INSERT INTO deadlock_weight (n) SELECT seq FROM seq_1_to_200");
        await ExecuteAsync(other, transaction, $"SELECT COUNT(*) FROM {table} FORCE INDEX (PRIMARY) LOCK IN SHARE MODE");
        var insert = $"""
            INSERT INTO {table} ({Column(nameof(Delivery.AccountId))}, {Column(nameof(Delivery.Status))}, {Column(nameof(Delivery.TemplateJson))},
                {Column(nameof(Delivery.Attempts))}, {Column(nameof(Delivery.CreatedAt))}, {Column(nameof(Delivery.DueAt))})
            VALUES ({rows[0].AccountId}, 'queued', '{"{}"}', 0, UTC_TIMESTAMP(), UTC_TIMESTAMP())
            """;
        _others.Enqueue(Task.Run(() => InsertOnceOursWaitsAsync(other, transaction, insert, connectionString)));
    }

    /// <summary>True when our insert lost the deadlock, false when the other writer's did.</summary>
    private static async Task<bool> InsertOnceOursWaitsAsync(MySqlConnection other, MySqlTransaction transaction, string insert, string connectionString)
    {
        await using (other)
        await using (transaction)
        {
            await using (var watch = new MySqlConnection(connectionString))
            {
                await watch.OpenAsync();
                var deadline = DateTime.UtcNow.AddSeconds(30);
                while (Convert.ToInt64(await ScalarAsync(watch, "SELECT COUNT(*) FROM information_schema.INNODB_TRX WHERE trx_state = 'LOCK WAIT' AND trx_query LIKE '%RETURNING%'"), CultureInfo.InvariantCulture) == 0)
                {
                    if (DateTime.UtcNow > deadline)
                    {
                        throw new TimeoutException("The group insert never waited for the other writer's lock.");
                    }

                    await Task.Delay(10);
                }
            }

            try
            {
                await ExecuteAsync(other, transaction, insert);
                return true;
            }
            catch (MySqlException ex) when (ex.ErrorCode == MySqlErrorCode.LockDeadlock)
            {
                return false;
            }
            finally
            {
                await transaction.RollbackAsync();
            }
        }
    }

    private static async Task ExecuteAsync(MySqlConnection connection, MySqlTransaction? transaction, string sql)
    {
        await using var command = new MySqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(MySqlConnection connection, string sql)
    {
        await using var command = new MySqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
