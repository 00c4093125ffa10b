using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Notifier.Core.Accounts;
using Notifier.Core.Data;
using Notifier.Core.Deliveries;
using Notifier.Testing.Database;
using Notifier.Testing.Kakao;
using Notifier.Testing.Time;

namespace Notifier.Core.Tests.Support;

/// <summary>
/// One test's world: an emptied database (the class's own, on either provider), a fresh fake Kakao, a fake clock both share, and a first
/// Notifier node. More nodes join the same database, Kakao and clock with <see cref="AddNodeAsync"/>.
/// </summary>
internal sealed class DispatchWorld : IAsyncDisposable
{
    private readonly List<DispatchNode> _nodes = [];

    private DispatchWorld(ITestDatabase database) => Database = database;

    public ITestDatabase Database { get; }

    public KakaoFake Kakao { get; } = new();

    public FakeTimeProvider Clock { get; } = TestClock.Create();

    /// <summary>The first node ("node-a").</summary>
    public DispatchNode Node => _nodes[0];

    public static async Task<DispatchWorld> CreateAsync(ITestDatabase database, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var world = new DispatchWorld(database);
        world.Kakao.Time = world.Clock;
        await world.AddNodeAsync("node-a", settings);
        // The class shares its database: every test starts from no accounts (deliveries and usage cascade).
        await world.QueryAsync(db => db.Accounts.ExecuteDeleteAsync());
        // Each world has its own clock: a -10 wait another test left behind would hold this one's sends.
        var past = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        await world.QueryAsync(db => db.Set<AppRateLimit>().ExecuteUpdateAsync(u => u
            .SetProperty(r => r.Streak, 0).SetProperty(r => r.LimitedAt, past).SetProperty(r => r.Until, past)));
        return world;
    }

    public async Task<DispatchNode> AddNodeAsync(string nodeId, IReadOnlyDictionary<string, string?>? settings = null, bool runDispatcher = false)
    {
        var node = await DispatchNode.StartAsync(Database, Kakao, Clock, nodeId, settings, migrate: _nodes.Count == 0, runDispatcher);
        _nodes.Add(node);
        return node;
    }

    /// <summary>Connects a Kakao user through the fake's authorization and returns the account id.</summary>
    public async Task<long> ConnectAsync(long kakaoUserId, bool consentToMessages = true) =>
        (await KakaoAccounts.ConnectAsync(Node.Services, Kakao, kakaoUserId, consentToMessages: consentToMessages)).Id;

    /// <summary>Enqueues a text memo whose text is <paramref name="marker"/>, through the intake; returns the delivery id.</summary>
    public async Task<long> EnqueueAsync(long accountId, string marker)
    {
        await using var scope = Node.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<DeliveryIntake>()
            .EnqueueAsync(accountId, TextTemplate(marker), idempotencyKey: null, requestHash: marker, CancellationToken.None);
        return Assert.IsType<IntakeResult.Accepted>(result).Delivery.Id;
    }

    /// <summary>Stores many due deliveries in one transaction, as a backlog the intake built up earlier would look.</summary>
    public Task EnqueueManyAsync(IEnumerable<(long AccountId, string Marker)> memos) => QueryAsync(db =>
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        db.Deliveries.AddRange(memos.Select(m => new Delivery { AccountId = m.AccountId, TemplateJson = TextTemplate(m.Marker), CreatedAt = now, DueAt = now }));
        return db.SaveChangesAsync();
    });

    /// <summary>How many memos Kakao accepted whose text is <paramref name="marker"/>.</summary>
    public int MemosWith(string marker) => Kakao.Memos.Count(m => m.Template["text"]?.GetValue<string>() == marker);

    /// <summary>Kakao's -10 wait as the database records it.</summary>
    public Task<AppRateLimit> RateLimitAsync() => QueryAsync(db => db.Set<AppRateLimit>().AsNoTracking().SingleAsync());

    /// <summary>How many requests reached the fake's token endpoint, whatever it answered.</summary>
    public int TokenRequests => Kakao.Server.LogEntries.Count(e => e.RequestMessage?.Path == "/oauth/token");

    public Task<Delivery> DeliveryAsync(long id) => QueryAsync(db => db.Deliveries.AsNoTracking().SingleAsync(d => d.Id == id));

    public Task<Account> AccountAsync(long id) => QueryAsync(db => db.Accounts.AsNoTracking().SingleAsync(a => a.Id == id));

    /// <summary>The account's metered memos on the Korean day of <paramref name="utc"/> (0 without a row).</summary>
    public Task<int> UsageAsync(long accountId, DateTime utc) => QueryAsync(db => db.DailyUsage.AsNoTracking()
        .Where(u => u.AccountId == accountId && u.Day == KoreanTime.Day(utc)).Select(u => u.Count).SingleOrDefaultAsync());

    /// <summary>What the database believes of the access token's expiry (Kakao's own view is the fake's).</summary>
    public Task SetAccessTokenExpiryAsync(long accountId, DateTime utc) =>
        QueryAsync(db => db.Accounts.Where(a => a.Id == accountId).ExecuteUpdateAsync(u => u.SetProperty(a => a.AccessTokenExpiresAt, utc)));

    public async Task<T> QueryAsync<T>(Func<NotifierDbContext, Task<T>> query)
    {
        await using var scope = Node.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<NotifierDbContext>());
    }

    private static string TextTemplate(string marker) =>
        JsonSerializer.Serialize(new { object_type = "text", text = marker, link = new { web_url = "http://localhost:5080" } });

    public async ValueTask DisposeAsync()
    {
        foreach (var node in Enumerable.Reverse(_nodes))
        {
            await node.DisposeAsync();
        }

        Kakao.Dispose();
    }
}
