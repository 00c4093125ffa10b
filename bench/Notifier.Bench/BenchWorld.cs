using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using MySqlConnector;
using Notifier.Core;
using Notifier.Testing.Kakao;

namespace Notifier.Bench;

/// <summary>
/// The run's world: one database on the MariaDB server <c>bench/run.sh</c> started, and the fake Kakao, whose memo
/// endpoint answers after a fixed latency (delivered) through its existing fault hook.
/// </summary>
internal sealed class BenchWorld : IAsyncDisposable
{
    public const string ApiKey = "bench-api-key-0123456789-abcdefghij";

    private BenchWorld(string connectionString, BenchOptions options)
    {
        ConnectionString = connectionString;
        Options = options;
        Kakao.MemoFaultPolicy = _ => MemoFault.Slow(options.Latency, delivered: true);
    }

    public KakaoFake Kakao { get; } = new();

    public string ConnectionString { get; }

    public BenchOptions Options { get; }

    public static async Task<BenchWorld> CreateAsync(string rootConnectionString, BenchOptions options)
    {
        await using (var connection = new MySqlConnection(rootConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new MySqlCommand("DROP DATABASE IF EXISTS bench; CREATE DATABASE bench CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci", connection);
            await command.ExecuteNonQueryAsync();
        }

        var connectionString = new MySqlConnectionStringBuilder(rootConnectionString) { Database = "bench", MaximumPoolSize = 200 }.ConnectionString;
        return new BenchWorld(connectionString, options);
    }

    /// <summary>Settings as a Worker or the Api reads them; logs at Warning so a log line per request does not skew the figures.</summary>
    public Dictionary<string, string?> Settings(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "MariaDb",
            ["Database:MigrateOnStart"] = "false",
            ["ConnectionStrings:Notifier"] = ConnectionString,
            ["Kakao:AuthBaseUrl"] = Kakao.Url,
            ["Kakao:ApiBaseUrl"] = Kakao.Url,
            ["Kakao:RestApiKey"] = KakaoFake.RestApiKey,
            ["Kakao:ClientSecret"] = KakaoFake.ClientSecret,
            ["Kakao:AllowedLinkDomains:0"] = "example.com",
            // A message without a link links to PublicUrl, whose host must be registered itself.
            ["Kakao:AllowedLinkDomains:1"] = "notifier.example.com",
            ["Notifier:PublicUrl"] = "https://notifier.example.com",
            ["Api:Keys:0"] = ApiKey,
            // MariaDB outside Development refuses an unencrypted key ring (docs/decisions/0012): encrypted, as deployed.
            ["DataProtection:KeyEncryptionKey"] = Notifier.Testing.Hosting.TestHost.KeyEncryptionKey,
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime"] = "Warning",
            ["Dispatch:Parallelism"] = Options.Parallelism.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Dispatch:BatchSize"] = Options.BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Dispatch:DailyCap"] = "100000",
            ["Dispatch:PollIntervalMilliseconds"] = "100",
            ["Tokens:UpkeepParallelism"] = Options.UpkeepParallelism.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>A started in-process host with the core services, and the dispatcher loop when <paramref name="dispatch"/>.</summary>
    public async Task<IHost> StartHostAsync(bool dispatch, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production", Args = [] });
        builder.Configuration.AddInMemoryCollection(Settings(overrides));
        builder.AddNotifierCore();
        builder.AddNotifierDispatcher(enabledByDefault: dispatch);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    public async Task<long> ScalarAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = new MySqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(sql, connection) { CommandTimeout = 600 };
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var result = await command.ExecuteScalarAsync();
        return result is null or DBNull ? 0 : Convert.ToInt64(result, System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        Kakao.Dispose();
        MySqlConnection.ClearAllPools();
        await Task.CompletedTask;
    }
}
