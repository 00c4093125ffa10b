using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Notifier.Core.Accounts;
using Notifier.Core.Data;
using Notifier.Core.Deliveries;
using Notifier.Core.Messages;
using Notifier.Core.Schedules;
using Notifier.Testing.Database;
using Notifier.Testing.Hosting;

namespace Notifier.Core.Tests.Schedules;

/// <summary>A started host with Notifier's core services on a test database, reading a clock the test moves.</summary>
internal sealed class ScheduleHost : IAsyncDisposable
{
    private readonly IHost _host;

    private ScheduleHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public static async Task<ScheduleHost> StartAsync(ITestDatabase database, TimeProvider clock, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = TestHost.CreateBuilder(TestHost.Settings(database.Settings, kakao: null, settings), clock);
        builder.AddNotifierCore();
        var host = builder.Build();
        await host.StartAsync();
        return new ScheduleHost(host);
    }

    /// <summary>Empties what another test of the class left on the shared database (schedules, deliveries, usage).</summary>
    public Task ClearAsync() => InScopeAsync(async (NotifierDbContext db) =>
    {
        await db.Schedules.ExecuteDeleteAsync();
        await db.Deliveries.ExecuteDeleteAsync();
        return await db.DailyUsage.ExecuteDeleteAsync();
    });

    /// <summary>An active account to hang schedules on (its tokens are never used here).</summary>
    public Task<long> AddAccountAsync() => InScopeAsync(async (NotifierDbContext db) =>
    {
        var now = DateTime.UtcNow;
        var account = new Account
        {
            KakaoUserId = Random.Shared.NextInt64(1, long.MaxValue),
            Nickname = "Scheduled",
            AccessTokenExpiresAt = now.AddHours(6),
            RefreshTokenExpiresAt = now.AddDays(60),
            Scopes = "talk_message",
            ConnectedAt = now,
            UpdatedAt = now,
        };
        db.Accounts.Add(account);
        await db.SaveChangesAsync();
        return account.Id;
    });

    /// <summary>Creates a schedule sending <paramref name="text"/> on <paramref name="cron"/> (zone UTC unless given).</summary>
    public async Task<Schedule> CreateScheduleAsync(long accountId, string cron, string text = "scheduled memo", string timeZone = "UTC")
    {
        var change = await InScopeAsync((ScheduleService service) => service.CreateAsync(Draft(accountId, cron, text, timeZone), CancellationToken.None));
        return Assert.IsType<ScheduleChange.Saved>(change).Schedule;
    }

    public static ScheduleDraft Draft(long accountId, string cron, string text, string timeZone = "UTC") => new()
    {
        AccountId = accountId,
        Name = $"every {cron}",
        Cron = cron,
        TimeZone = timeZone,
        Message = new MessageContent { Text = text },
    };

    /// <summary>One materializer run in a fresh scope, as the Quartz job does it; returns how many deliveries it queued.</summary>
    public Task<int> MaterializeAsync() => InScopeAsync((ScheduleMaterializer materializer) => materializer.RunAsync(CancellationToken.None));

    public Task<List<Delivery>> DeliveriesAsync(long scheduleId) => InScopeAsync((NotifierDbContext db) =>
        db.Deliveries.AsNoTracking().Where(d => d.ScheduleId == scheduleId).OrderBy(d => d.FireTime).ToListAsync());

    public Task<Schedule> ScheduleAsync(long id) => InScopeAsync((NotifierDbContext db) => db.Schedules.AsNoTracking().SingleAsync(s => s.Id == id));

    public async Task<T> InScopeAsync<TService, T>(Func<TService, Task<T>> use)
        where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public static DateTime Utc(string iso) =>
        DateTime.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
