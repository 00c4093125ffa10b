using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Hosting;
using Notifier.Core.Data;
using Notifier.Testing.Database;
using Notifier.Testing.Hosting;

namespace Notifier.Core.Tests.Data;

/// <summary>
/// A new SQLite database is created from the committed script (docs/decisions/0017), not by EF's Migrate: the script
/// must be what EF generates from the migrations now, and the database it makes must be the one Migrate makes.
/// </summary>
public sealed partial class NewDatabaseScriptTests(EmptySqliteDatabase database) : IClassFixture<EmptySqliteDatabase>
{
    [Fact]
    public void TheCommittedScript_IsWhatEfGeneratesFromTheMigrations()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);

        var generated = db.GetService<IMigrator>().GenerateScript();

        Assert.True(Comparable(generated) == Comparable(NewDatabaseScript.Sqlite),
            "Notifier.Core/Data/Migrations/Sqlite/NewDatabase.sql is stale: run scripts/compiled-models.sh");
    }

    [Fact]
    public async Task ANewDatabase_StartedOnce_HasTheSchemaAndHistoryEfsMigrateGives()
    {
        var builder = TestHost.CreateBuilder(TestHost.Settings(database.Settings));
        builder.AddNotifierCore();
        using (var host = builder.Build())
        {
            await host.StartAsync();
            await host.StopAsync();
        }

        var byMigrate = new EmptySqliteDatabase();
        try
        {
            await using (var db = new SqliteNotifierDbContext(new DbContextOptionsBuilder<SqliteNotifierDbContext>().UseSqlite($"Data Source={byMigrate.File}").Options))
            {
                await db.Database.MigrateAsync();
            }

            // EF's Migrate leaves its lock table behind; the script has none, which shows the start did not migrate.
            Assert.Equal("0", await SchemaAsync(database, "SELECT COUNT(*) FROM sqlite_master WHERE name = '__EFMigrationsLock'"));
            Assert.Equal(await SchemaAsync(byMigrate, Schema), await SchemaAsync(database, Schema));
            Assert.Equal(await SchemaAsync(byMigrate, History), await SchemaAsync(database, History));
        }
        finally
        {
            await byMigrate.DisposeAsync();
        }
    }

    private const string Schema =
        "SELECT group_concat(type || ' ' || name || ' ' || tbl_name || ': ' || coalesce(sql, ''), char(10)) FROM " +
        "(SELECT * FROM sqlite_master WHERE name <> '__EFMigrationsLock' ORDER BY type, name)";

    private const string History = "SELECT group_concat(MigrationId, ' ') FROM (SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId)";

    private static async Task<string> SchemaAsync(ITestDatabase db, string sql) => Convert.ToString(await db.ScalarAsync(sql), System.Globalization.CultureInfo.InvariantCulture)!;

    /// <summary>The script without what does not matter: line endings, the BOM, and the EF version each history row records.</summary>
    private static string Comparable(string script) =>
        ProductVersion().Replace(script.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart('\uFEFF').Trim(), "'$1', 'EF'");

    [GeneratedRegex(@"'(\d{14}_\w+)', '[^']+'")]
    private static partial Regex ProductVersion();
}
