using Notifier.Testing.Database;
using Notifier.Testing.Kakao;

namespace Notifier.Api.Tests.Support;

/// <summary>One test class's world: its own MariaDB database, its own fake Kakao, one Api host.</summary>
public class ApiFixture : IAsyncLifetime
{
    public KakaoFake Kakao { get; } = new();

    public string ConnectionString { get; private set; } = "";

    public NotifierApiFactory Factory { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Factory = new NotifierApiFactory(NotifierApiFactory.Settings(await CreateDatabaseAsync(), Kakao, SettingOverrides()));
        _ = Factory.Server; // start the host (and its migrations) now, not inside the first test
    }

    public virtual async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        Kakao.Dispose();
        await DropDatabaseAsync();
    }

    /// <summary>The database the host runs on (a MariaDB database of its own unless a subclass says otherwise), as settings.</summary>
    protected virtual async Task<IReadOnlyDictionary<string, string?>> CreateDatabaseAsync()
    {
        ConnectionString = await TestMariaDb.CreateDatabaseAsync(GetType().Name);
        return MariaDbDatabase.SettingsFor(ConnectionString);
    }

    protected virtual Task DropDatabaseAsync() => TestMariaDb.DropDatabaseAsync(ConnectionString);

    protected virtual IReadOnlyDictionary<string, string?>? SettingOverrides() => null;

    /// <summary>How many account rows the database holds.</summary>
    public async Task<long> AccountCountAsync() =>
        Convert.ToInt64(await TestMariaDb.ScalarAsync(ConnectionString, "SELECT COUNT(*) FROM accounts"), System.Globalization.CultureInfo.InvariantCulture);
}
