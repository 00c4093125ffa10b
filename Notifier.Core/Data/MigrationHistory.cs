using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace Notifier.Core.Data;

/// <summary>
/// The start's look at the schema: one <c>SELECT</c> of EF's history table against the migrations in this assembly.
/// EF's own <c>GetPendingMigrationsAsync</c> and <c>MigrateAsync</c> build the history table's model (a full convention
/// set) and, to refuse pending model changes, the whole design-time model and the latest snapshot's; on a database
/// that is already current none of that is needed (docs/decisions/0017, addendum).
/// </summary>
internal static class MigrationHistory
{
    /// <summary>
    /// The migrations not applied yet. Where the history cannot be read (no table yet, or no connection) EF answers
    /// instead, with its execution strategy's retries.
    /// </summary>
    public static async Task<IReadOnlyList<string>> PendingAsync(DatabaseFacade database, CancellationToken cancellationToken) =>
        await AppliedAsync(database, cancellationToken) is { } applied
            ? database.GetMigrations().Where(id => !applied.Contains(id)).ToList()
            : [.. await database.GetPendingMigrationsAsync(cancellationToken)];

    /// <summary>The history table's migration ids, or null when it cannot be read.</summary>
    private static async Task<HashSet<string>?> AppliedAsync(DatabaseFacade database, CancellationToken cancellationToken)
    {
        var sql = database.GetService<ISqlGenerationHelper>();
        var applied = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await database.OpenConnectionAsync(cancellationToken);
            await using var command = database.GetDbConnection().CreateCommand();
            command.CommandText = $"SELECT {sql.DelimitIdentifier("MigrationId")} FROM {sql.DelimitIdentifier(HistoryRepository.DefaultTableName)}";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetString(0));
            }

            return applied;
        }
        catch (DbException)
        {
            return null;
        }
        finally
        {
            await database.CloseConnectionAsync();
        }
    }
}
