using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Notifier.Core;
using Notifier.Core.Accounts;
using Notifier.Testing.Database;
using Notifier.Testing.Hosting;
using Notifier.Testing.Kakao;
using Notifier.Testing.Logging;
using Notifier.Testing.Time;
using Serilog.Core;

namespace Notifier.Worker.Tests.Support;

/// <summary>
/// One test class's world: its own MariaDB database, a fake Kakao, and a clock both share. Hosts built here have the
/// core services only (no hosted dispatcher or jobs), so a test drives each pass itself at the time it chooses.
/// </summary>
public class WorkerWorld : IAsyncLifetime
{
    public KakaoFake Kakao { get; } = new();

    public FakeTimeProvider Clock { get; } = TestClock.Create(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public CapturedLogs Logs { get; } = new();

    public string ConnectionString { get; protected set; } = "";

    public virtual async Task InitializeAsync()
    {
        Kakao.Time = Clock;
        ConnectionString = await TestMariaDb.CreateDatabaseAsync(GetType().Name);
    }

    public virtual async Task DisposeAsync()
    {
        Kakao.Dispose();
        await TestMariaDb.DropDatabaseAsync(ConnectionString);
    }

    /// <summary>Settings for this world's database and Kakao, as a Worker process reads them.</summary>
    public Dictionary<string, string?> Settings(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        // The test's own hosts own the migrations (applied on start); the Worker processes it starts wait for them.
        var links = new Dictionary<string, string?>
        {
            ["Kakao:AllowedLinkDomains:0"] = "example.com",
            ["Kakao:AllowedLinkDomains:1"] = "notifier.example.com",
            ["Notifier:PublicUrl"] = "https://notifier.example.com",
        };
        return TestHost.Settings(ConnectionString, Kakao, links, overrides);
    }

    /// <summary>A started host with the core services on this world's clock; the first one applies the migrations.</summary>
    public async Task<IHost> StartCoreHostAsync(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var builder = TestHost.CreateBuilder(Settings(overrides), Clock);
        builder.Services.AddSingleton<ILogEventSink>(Logs);
        builder.AddNotifierCore();
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    /// <summary>Connects a Kakao user through the real code exchange, as the browser flow does, and returns the account.</summary>
    public Task<Account> ConnectAsync(IHost host, long kakaoUserId, string nickname) =>
        KakaoAccounts.ConnectAsync(host.Services, Kakao, kakaoUserId, nickname);

    public static async Task<T> InScopeAsync<T>(IHost host, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }
}
