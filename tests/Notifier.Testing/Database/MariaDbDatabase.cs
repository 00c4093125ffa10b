using Notifier.Core.Data;

namespace Notifier.Testing.Database;

/// <summary>A class fixture: one fresh MariaDB database for one test class, dropped afterwards.</summary>
public sealed class MariaDbDatabase : ITestDatabase
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

    public async Task InitializeAsync() => ConnectionString = await TestMariaDb.CreateDatabaseAsync(GetType().Name);

    public Task DisposeAsync() => TestMariaDb.DropDatabaseAsync(ConnectionString);

    public Task<object?> ScalarAsync(string sql, params (string Name, object? Value)[] parameters) =>
        TestMariaDb.ScalarAsync(ConnectionString, sql, parameters);
}
