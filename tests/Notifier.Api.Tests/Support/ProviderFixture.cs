using System.Globalization;
using Notifier.Testing.Database;

namespace Notifier.Api.Tests.Support;

/// <summary>
/// A <see cref="MessagingFixture"/> on the database <typeparamref name="TDatabase"/> gives (SQLite or MariaDB), for
/// test classes that run once per provider.
/// </summary>
public class ProviderFixture<TDatabase> : MessagingFixture
    where TDatabase : ITestDatabase, new()
{
    public TDatabase Database { get; } = new();

    /// <summary>The first column of the first row of <paramref name="sql"/>, as a number.</summary>
    public async Task<long> LongAsync(string sql, params (string Name, object? Value)[] parameters) =>
        Convert.ToInt64(await Database.ScalarAsync(sql, parameters), CultureInfo.InvariantCulture);

    public async Task<string?> StringAsync(string sql, params (string Name, object? Value)[] parameters) =>
        (string?)await Database.ScalarAsync(sql, parameters);

    protected override async Task<IReadOnlyDictionary<string, string?>> CreateDatabaseAsync()
    {
        await Database.InitializeAsync();
        return Database.Settings;
    }

    protected override Task DropDatabaseAsync() => Database.DisposeAsync();
}
