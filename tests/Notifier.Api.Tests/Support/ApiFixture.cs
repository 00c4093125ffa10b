using Notifier.Testing.Database;
using Notifier.Testing.Kakao;

namespace Notifier.Api.Tests.Support;

/// <summary>
/// One test class's world: its own database (MariaDB unless the fixture says SQLite), its own fake Kakao, one Api host.
/// A test class that runs on both providers is generic over its fixture and closed once per provider, the SQLite
/// fixture being the MariaDB one with <see cref="CreateDatabase"/> overridden (see <see cref="OnSqlite"/>).
/// </summary>
public class ApiFixture : IAsyncLifetime
{
    public KakaoFake Kakao { get; } = new();

    public ITestDatabase Database { get; private set; } = null!;

    /// <summary>The MariaDB connection string (fixtures on SQLite have none: use <see cref="Database"/>).</summary>
    public string ConnectionString => Database is MariaDbDatabase mariaDb
        ? mariaDb.ConnectionString
        : throw new InvalidOperationException($"{GetType().Name} runs on {Database.Provider}: use Database.ScalarAsync.");

    public NotifierApiFactory Factory { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Database = CreateDatabase();
        await Database.InitializeAsync();
        Factory = new NotifierApiFactory(NotifierApiFactory.Settings(Database, Kakao, SettingOverrides()));
        _ = Factory.Server; // start the host (and its migrations) now, not inside the first test
    }

    public virtual async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        Kakao.Dispose();
        await Database.DisposeAsync();
    }

    /// <summary>The database this fixture's host runs on: a MariaDB database of its own unless overridden.</summary>
    protected virtual ITestDatabase CreateDatabase() => new MariaDbDatabase();

    /// <summary>What a SQLite variant of a fixture overrides <see cref="CreateDatabase"/> with.</summary>
    protected static ITestDatabase OnSqlite() => new SqliteDatabase();

    protected virtual IReadOnlyDictionary<string, string?>? SettingOverrides() => null;

    /// <summary>How many account rows the database holds.</summary>
    public Task<long> AccountCountAsync() => this.LongAsync("SELECT COUNT(*) FROM accounts");
}
