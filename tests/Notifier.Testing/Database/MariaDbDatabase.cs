using Notifier.Core.Data;

namespace Notifier.Testing.Database;

/// <summary>
/// A class fixture: one fresh MariaDB database for one test class, dropped afterwards. It starts with the migrated
/// schema (<see cref="MigratedTemplate"/>); <see cref="EmptyMariaDbDatabase"/> starts empty.
/// </summary>
public class MariaDbDatabase : ITestDatabase
{
    public string ConnectionString { get; private set; } = "";

    public DatabaseProvider Provider => DatabaseProvider.MariaDb;

    public IReadOnlyDictionary<string, string?> Settings => SettingsFor(ConnectionString);

    /// <summary>The settings of a host on the MariaDB database <paramref name="connectionString"/>.</summary>
    public static Dictionary<string, string?> SettingsFor(string connectionString) => new()
    {
        [$"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.Provider)}"] = nameof(DatabaseProvider.MariaDb),
        [$"ConnectionStrings:{DatabaseOptions.ConnectionStringName}"] = connectionString,
    };

    /// <summary>Whether the database starts with the migrated schema rather than empty.</summary>
    protected virtual bool StartsMigrated => true;

    public async Task InitializeAsync()
    {
        ConnectionString = await TestMariaDb.CreateDatabaseAsync(GetType().Name);
        if (StartsMigrated)
        {
            await MigratedTemplate.CopyToMariaDbAsync(ConnectionString);
        }
    }

    public Task DisposeAsync() => TestMariaDb.DropDatabaseAsync(ConnectionString);

    public Task<object?> ScalarAsync(string sql, params (string Name, object? Value)[] parameters) =>
        TestMariaDb.ScalarAsync(ConnectionString, sql, parameters);
}
