using Microsoft.Data.Sqlite;
using Notifier.Core.Data;

namespace Notifier.Testing.Database;

/// <summary>
/// A class fixture: one SQLite file in a temporary folder of its own for one test class, deleted afterwards. Hosts
/// reach it as the embedded default does, through <c>Database:SqliteFile</c> (no connection string), so they open it
/// with the same connection settings a <c>dotnet run</c> would.
/// </summary>
public class SqliteDatabase : ITestDatabase
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("notifier-sqlite-");

    public string File => Path.Combine(_directory.FullName, "notifier.db");

    public DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        [$"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.Provider)}"] = nameof(DatabaseProvider.Sqlite),
        [$"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.SqliteFile)}"] = File,
    };

    /// <summary>Whether the file starts as a copy of the migrated template (<see cref="MigratedTemplate"/>) rather than absent.</summary>
    protected virtual bool StartsMigrated => true;

    public Task InitializeAsync() => StartsMigrated ? MigratedTemplate.CopyToSqliteAsync(File) : Task.CompletedTask;

    public Task DisposeAsync()
    {
        // Pooled connections keep the file open; the hosts using it are stopped by now.
        SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
        return Task.CompletedTask;
    }

    public async Task<object?> ScalarAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = File, ForeignKeys = true, DefaultTimeout = 30 }.ConnectionString;
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new SqliteCommand(sql, connection);
        foreach (var (parameterName, value) in parameters)
        {
            command.Parameters.AddWithValue(parameterName, value ?? DBNull.Value);
        }

        var result = await command.ExecuteScalarAsync();
        return result is DBNull ? null : result;
    }
}
