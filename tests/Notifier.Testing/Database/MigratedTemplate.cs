using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MySqlConnector;
using Notifier.Core.Data;

namespace Notifier.Testing.Database;

/// <summary>
/// One database per provider migrated once per test process, with the product's own registration and migrations, and
/// copied for each test class's fixture: a host then finds its schema current instead of running every migration
/// again (a few hundred hosts a run; docs/decisions/0018). The migrations themselves still run on empty databases where
/// a test is about them (<see cref="EmptyMariaDbDatabase"/>, the published and compose hosts, the Worker processes).
/// </summary>
internal static class MigratedTemplate
{
    private static readonly Lazy<Task<string>> MariaDbScript = new(BuildMariaDbScriptAsync);
    private static readonly Lazy<Task<string>> SqliteFile = new(BuildSqliteFileAsync);

    /// <summary>Gives the empty MariaDB database <paramref name="connectionString"/> the migrated schema and its seed rows.</summary>
    public static async Task CopyToMariaDbAsync(string connectionString) =>
        await TestMariaDb.ScalarAsync(connectionString, await MariaDbScript.Value);

    /// <summary>Writes a migrated SQLite database at <paramref name="file"/>.</summary>
    public static async Task CopyToSqliteAsync(string file) => File.Copy(await SqliteFile.Value, file);

    /// <summary>
    /// Migrates a database of its own, then writes it out as one script: each table's <c>SHOW CREATE TABLE</c> (columns,
    /// indexes, foreign keys, as MariaDB keeps them) and an <c>INSERT ... SELECT</c> of its rows (the migrations' seed
    /// rows and history), foreign key checks off while the tables appear in name order.
    /// </summary>
    private static async Task<string> BuildMariaDbScriptAsync()
    {
        var template = await TestMariaDb.CreateDatabaseAsync("template");
        await MigrateAsync(MariaDbDatabase.SettingsFor(template));
        var name = new MySqlConnectionStringBuilder(template).Database;
        await using var connection = new MySqlConnection(template);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new MySqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' ORDER BY table_name", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var script = new System.Text.StringBuilder("SET FOREIGN_KEY_CHECKS = 0;\n");
        foreach (var table in tables)
        {
            await using var show = new MySqlCommand($"SHOW CREATE TABLE `{table}`", connection);
            await using var reader = await show.ExecuteReaderAsync();
            await reader.ReadAsync();
            script.Append(reader.GetString(1)).Append(";\n");
        }

        foreach (var table in tables)
        {
            script.Append(System.Globalization.CultureInfo.InvariantCulture, $"INSERT INTO `{table}` SELECT * FROM `{name}`.`{table}`;\n");
        }

        return script.Append("SET FOREIGN_KEY_CHECKS = 1;").ToString();
    }

    private static async Task<string> BuildSqliteFileAsync()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("notifier-sqlite-template-").FullName, "notifier.db");
        await MigrateAsync(new Dictionary<string, string?>
        {
            [$"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.Provider)}"] = nameof(DatabaseProvider.Sqlite),
            [$"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.SqliteFile)}"] = file,
        });
        // Pooled connections keep the file open (and its journal apart); closed, the file alone is the database.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return file;
    }

    private static async Task MigrateAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        await using var provider = new ServiceCollection()
            .AddLogging()
            .AddNotifierDatabase(configuration, Path.GetTempPath())
            .BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<NotifierDbContext>().Database.MigrateAsync();
    }
}
