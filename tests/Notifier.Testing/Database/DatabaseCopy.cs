using Microsoft.Data.Sqlite;
using MySqlConnector;
using Notifier.Core.Data;

namespace Notifier.Testing.Database;

/// <summary>
/// What someone holding a copy of the database alone has: for SQLite the file, for MariaDB every table copied into a
/// fresh database (what a dump restored elsewhere gives). Returns the settings of a host on the copy.
/// </summary>
public static class DatabaseCopy
{
    private static readonly string[] SqliteFileSuffixes = ["", "-wal", "-shm"];

    public static async Task<Dictionary<string, string?>> CopyAsync(ITestDatabase database)
    {
        if (database is SqliteDatabase sqlite)
        {
            SqliteConnection.ClearAllPools(); // the last connection closing folds the write-ahead log into the file
            var copy = Path.Combine(Directory.CreateTempSubdirectory("notifier-copy-").FullName, "notifier.db");
            foreach (var suffix in SqliteFileSuffixes.Where(s => File.Exists(sqlite.File + s)))
            {
                File.Copy(sqlite.File + suffix, copy + suffix);
            }

            return new Dictionary<string, string?>(sqlite.Settings) { [$"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.SqliteFile)}"] = copy };
        }

        var source = ((MariaDbDatabase)database).ConnectionString;
        var target = await TestMariaDb.CreateDatabaseAsync("copy");
        var from = new MySqlConnectionStringBuilder(source).Database;
        var to = new MySqlConnectionStringBuilder(target).Database;
        await using var connection = new MySqlConnection(target);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new MySqlCommand("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = @s", connection))
        {
            list.Parameters.AddWithValue("@s", from);
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var table in tables)
        {
            await using var copy = new MySqlCommand($"CREATE TABLE `{to}`.`{table}` LIKE `{from}`.`{table}`; INSERT INTO `{to}`.`{table}` SELECT * FROM `{from}`.`{table}`", connection);
            await copy.ExecuteNonQueryAsync();
        }

        return MariaDbDatabase.SettingsFor(target);
    }
}
