using Xunit;

namespace Notifier.Testing.Database;

/// <summary>A class fixture: one fresh MariaDB database for one test class, dropped afterwards.</summary>
public sealed class MariaDbDatabase : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync() => ConnectionString = await TestMariaDb.CreateDatabaseAsync(GetType().Name);

    public Task DisposeAsync() => TestMariaDb.DropDatabaseAsync(ConnectionString);
}
