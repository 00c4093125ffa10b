using System.Diagnostics;
using MySqlConnector;

namespace Notifier.Testing.Database;

/// <summary>
/// The test run's one MariaDB server: the one <c>scripts/test.sh</c> started (<c>NOTIFIER_TEST_MARIADB</c>), or, when a
/// test runs on its own, a throwaway server this process starts with <c>scripts/mariadb.sh</c> and stops at exit.
/// Every test class gets a database of its own.
/// </summary>
public static class TestMariaDb
{
    public const string EnvironmentVariable = "NOTIFIER_TEST_MARIADB";

    private static readonly Lazy<string> RootConnectionString = new(ConnectOrStart);

    /// <summary>Creates an empty database and returns a connection string for it.</summary>
    public static async Task<string> CreateDatabaseAsync(string name)
    {
        var clean = new string(name.Where(char.IsAsciiLetterOrDigit).Take(40).ToArray());
        var database = $"t_{clean}_{Guid.NewGuid().ToString("N")[..12]}";
        await ExecuteAsync(RootConnectionString.Value, $"CREATE DATABASE `{database}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        return new MySqlConnectionStringBuilder(RootConnectionString.Value) { Database = database }.ConnectionString;
    }

    /// <summary>
    /// What the mariadb image's entrypoint does with <c>MARIADB_DATABASE</c>, <c>MARIADB_USER</c> and <c>MARIADB_PASSWORD</c>,
    /// on this run's server (anything left from an earlier run is dropped first). Returns the server's TCP port.
    /// </summary>
    public static async Task<int> CreateLikeTheImageAsync(string database, string user, string password)
    {
        var root = RootConnectionString.Value;
        await ExecuteAsync(root, $"DROP DATABASE IF EXISTS `{database}`");
        await ExecuteAsync(root, $"CREATE DATABASE `{database}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        await ExecuteAsync(root, $"DROP USER IF EXISTS '{user}'@'127.0.0.1'");
        await ScalarAsync(root, $"CREATE USER '{user}'@'127.0.0.1' IDENTIFIED BY @password", ("@password", password));
        await ExecuteAsync(root, $"GRANT ALL ON `{database}`.* TO '{user}'@'127.0.0.1'");
        return (int)new MySqlConnectionStringBuilder(root).Port;
    }

    public static Task DropDatabaseAsync(string connectionString)
    {
        var database = new MySqlConnectionStringBuilder(connectionString).Database;
        MySqlConnection.ClearAllPools();
        return ExecuteAsync(RootConnectionString.Value, $"DROP DATABASE IF EXISTS `{database}`");
    }

    /// <summary>Runs one statement and returns its first column of its first row (or null).</summary>
    public static async Task<object?> ScalarAsync(string connectionString, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(sql, connection);
        foreach (var (parameterName, value) in parameters)
        {
            command.Parameters.AddWithValue(parameterName, value);
        }

        var result = await command.ExecuteScalarAsync();
        return result is DBNull ? null : result;
    }

    private static Task ExecuteAsync(string connectionString, string sql) => ScalarAsync(connectionString, sql);

    private static string ConnectOrStart()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var script = Path.Combine(RepositoryRoot(), "scripts", "mariadb.sh");
        // In memory where there is a tmpfs with room (a container's can be 64 MiB), as scripts/test.sh does: the
        // server's files are thrown away anyway.
        var directory = Directory.Exists("/dev/shm") && new DriveInfo("/dev/shm").AvailableFreeSpace > 2L * 1024 * 1024 * 1024
            ? Directory.CreateDirectory(Path.Combine("/dev/shm", $"notifier-test-db-{Guid.NewGuid():N}")).FullName
            : Directory.CreateTempSubdirectory("notifier-test-db-").FullName;
        Run(script, "install");
        var connectionString = Run(script, $"start {directory}").Trim();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Run(script, $"stop {directory}");
        return connectionString;
    }

    private static string Run(string script, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", $"{script} {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("Could not start bash.");
        var output = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{script} {arguments} failed: {errors}");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Notifier.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Notifier.sln not found above the test binaries.");
    }
}
