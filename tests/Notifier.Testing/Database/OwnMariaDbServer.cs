using System.Diagnostics;
using MySqlConnector;
using Notifier.Testing.Compose;

namespace Notifier.Testing.Database;

/// <summary>
/// A MariaDB server of one test class's own (<c>scripts/mariadb.sh</c>), for fault tests that stop or restart it:
/// doing that to the run's shared server would hit every other test.
/// </summary>
public sealed class OwnMariaDbServer : IAsyncDisposable
{
    private OwnMariaDbServer(string directory, string root)
    {
        Directory = directory;
        RootConnectionString = root;
    }

    /// <summary>The server's data directory (removed by <see cref="DisposeAsync"/>).</summary>
    public string Directory { get; }

    public string RootConnectionString { get; }

    /// <summary>Starts a server and creates the database <paramref name="database"/> on it; returns the server.</summary>
    public static async Task<OwnMariaDbServer> StartAsync(string database)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"notifier-own-db-{Guid.NewGuid():N}");
        string root;
        try
        {
            root = (await ScriptAsync("start", directory)).Trim().Split('\n')[^1];
        }
        catch
        {
            await ScriptAsync("stop", directory); // a half-started server (installed, not answering) is stopped and its directory removed
            throw;
        }
        var server = new OwnMariaDbServer(directory, root);
        try
        {
            await using var connection = new MySqlConnection(root);
            await connection.OpenAsync();
            await using var create = new MySqlCommand($"CREATE DATABASE `{database}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci", connection);
            await create.ExecuteNonQueryAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync(); // nobody else holds it yet: stop it rather than leave a server running
            throw;
        }
    }

    /// <summary>The connection string of <paramref name="database"/> on this server.</summary>
    public string For(string database) => new MySqlConnectionStringBuilder(RootConnectionString) { Database = database }.ConnectionString;

    /// <summary>Stops the server (SIGTERM) and starts it again on the same port and data.</summary>
    public Task RestartAsync() => ScriptAsync("restart", Directory);

    /// <summary>Stops the server (SIGTERM), keeping its port and data: connections are refused until <see cref="UpAsync"/>.</summary>
    public Task DownAsync() => ScriptAsync("down", Directory);

    /// <summary>Starts the server again after <see cref="DownAsync"/>; returns once it answers.</summary>
    public Task UpAsync() => ScriptAsync("up", Directory);

    public async ValueTask DisposeAsync() => await ScriptAsync("stop", Directory);

    private static async Task<string> ScriptAsync(string command, string directory)
    {
        var script = Path.Combine(ComposeFile.RepositoryRoot, "scripts", "mariadb.sh");
        using var process = Process.Start(new ProcessStartInfo("bash", [script, command, directory]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? await stdout : throw new InvalidOperationException($"mariadb.sh {command} failed: {await stderr}");
    }
}
