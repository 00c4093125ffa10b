using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Notifier.Core.Accounts;
using Notifier.Core.Data;
using Notifier.Core.Deliveries;
using Notifier.Core.Schedules;
using Notifier.Testing.Database;
using Notifier.Testing.Hosting;

namespace Notifier.Core.Tests.Deliveries;

/// <summary>A started host with Notifier's core services (the intake's group committer among them) and a <see cref="GroupGate"/>.</summary>
internal sealed class IntakeHost : IAsyncDisposable
{
    private readonly IHost _host;

    private IntakeHost(IHost host) => _host = host;

    public GroupGate Gate => _host.Services.GetRequiredService<GroupGate>();

    public IntakeCommitter Committer => _host.Services.GetRequiredService<IntakeCommitter>();

    public DispatchSignal Signal => _host.Services.GetRequiredService<DispatchSignal>();

    public static async Task<IntakeHost> StartAsync(ITestDatabase database, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = TestHost.CreateBuilder(TestHost.Settings(database.Settings, kakao: null, settings));
        builder.AddNotifierCore();
        builder.Services.AddSingleton<GroupGate>();
        builder.Services.AddSingleton<IIntakeGroupHook>(sp => sp.GetRequiredService<GroupGate>());
        var host = builder.Build();
        await host.StartAsync();
        return new IntakeHost(host);
    }

    /// <summary>Queues <paramref name="text"/> through <see cref="DeliveryIntake"/>, as the API does; the task ends when it is answered.</summary>
    public Task<IntakeResult> EnqueueAsync(long? accountId, string text, string? key = null, long? scheduleId = null, DateTime? fireTime = null)
    {
        using var scope = _host.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<DeliveryIntake>()
            .EnqueueAsync(accountId, Template(text), key, text, CancellationToken.None, scheduleId, fireTime, new IntakeRequester("test", "test"));
    }

    public static string Template(string text) => $$"""{"object_type":"text","text":"{{text}}"}""";

    public async Task<long> AddAccountAsync(AccountStatus status = AccountStatus.Active) => await InScopeAsync(async db =>
    {
        var now = DateTime.UtcNow;
        var account = new Account
        {
            KakaoUserId = Random.Shared.NextInt64(1, long.MaxValue), Nickname = "Intake", Status = status, AccessTokenExpiresAt = now.AddHours(6),
            RefreshTokenExpiresAt = now.AddDays(60), Scopes = "talk_message", ConnectedAt = now, UpdatedAt = now,
        };
        db.Accounts.Add(account);
        await db.SaveChangesAsync();
        return account.Id;
    });

    /// <summary>A schedule of the account (its fires are never materialized here): a real ScheduleId for a delivery.</summary>
    public async Task<long> AddScheduleAsync(long accountId)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var change = await scope.ServiceProvider.GetRequiredService<ScheduleService>()
            .CreateAsync(Schedules.ScheduleHost.Draft(accountId, "0 0 * * * ?", "hourly"), CancellationToken.None);
        return Assert.IsType<ScheduleChange.Saved>(change).Schedule.Id;
    }

    public Task<List<Delivery>> DeliveriesAsync(long accountId) =>
        InScopeAsync(db => db.Deliveries.AsNoTracking().Where(d => d.AccountId == accountId).OrderBy(d => d.Id).ToListAsync());

    public async Task<T> InScopeAsync<T>(Func<NotifierDbContext, Task<T>> use)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<NotifierDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        Gate.Release();
        await _host.StopAsync();
        _host.Dispose();
    }
}
