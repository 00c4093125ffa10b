using Notifier.Core.Data;

namespace Notifier.Testing.Database;

/// <summary>
/// A class fixture's MariaDB database on a server of its own (<see cref="OwnMariaDbServer"/>), for tests that stop the
/// server under a host. It starts empty: the host's migration step creates the schema (the template copy of
/// <see cref="MariaDbDatabase"/> works only within the shared server).
/// </summary>
public sealed class MariaDbOnOwnServer : ITestDatabase
{
    private const string Database = "notifier";

    public OwnMariaDbServer Server { get; private set; } = null!;

    public string ConnectionString { get; private set; } = "";

    public DatabaseProvider Provider => DatabaseProvider.MariaDb;

    public IReadOnlyDictionary<string, string?> Settings => MariaDbDatabase.SettingsFor(ConnectionString);

    public async Task InitializeAsync()
    {
        Server = await OwnMariaDbServer.StartAsync(Database);
        ConnectionString = Server.For(Database);
    }

    public async Task DisposeAsync()
    {
        // Null when the server did not start: the start's own error is the one to read.
        if (Server is not null) await Server.DisposeAsync();
    }

    public Task<object?> ScalarAsync(string sql, params (string Name, object? Value)[] parameters) =>
        TestMariaDb.ScalarAsync(ConnectionString, sql, parameters);
}
