using Notifier.Core.Deliveries;
using Notifier.Core.Tests.Support;
using Notifier.Testing.Database;

namespace Notifier.Core.Tests.Deliveries;

/// <summary>Notifier's own daily cap holds memos until the next Korean day instead of hammering (-10 is not a quota: RateLimitTests).</summary>
public abstract class QuotaTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : class, ITestDatabase
{
    [Fact]
    public async Task DailyCap_HoldsWhatIsOver_UntilTheNextKoreanDay()
    {
        await using var world = await DispatchWorld.CreateAsync(database, new Dictionary<string, string?> { ["Dispatch:DailyCap"] = "2" });
        var account = await world.ConnectAsync(6402);
        var ids = new[] { await world.EnqueueAsync(account, "cap-1"), await world.EnqueueAsync(account, "cap-2"), await world.EnqueueAsync(account, "cap-3") };
        var today = world.Clock.GetUtcNow().UtcDateTime;
        var midnight = KoreanTime.NextMidnightUtc(today);

        Assert.Equal(2, await world.Node.RoundAsync());

        Assert.Equal(DeliveryStatus.Sent, (await world.DeliveryAsync(ids[0])).Status);
        Assert.Equal(DeliveryStatus.Sent, (await world.DeliveryAsync(ids[1])).Status);
        var held = await world.DeliveryAsync(ids[2]);
        Assert.Equal(DeliveryStatus.Queued, held.Status);
        Assert.Equal(midnight, held.DueAt);
        Assert.Equal(0, held.Attempts);
        Assert.Contains("Daily cap of 2", held.LastError, StringComparison.Ordinal);
        Assert.Equal(0, await world.Node.RoundAsync());
        Assert.Equal(2, world.Kakao.MemoRequests);

        world.Clock.SetUtcNow(midnight);
        Assert.Equal(1, await world.Node.RoundAsync());

        Assert.Equal(DeliveryStatus.Sent, (await world.DeliveryAsync(ids[2])).Status);
        Assert.Equal(1, world.MemosWith("cap-3"));
        Assert.Equal(2, await world.UsageAsync(account, today));
        Assert.Equal(1, await world.UsageAsync(account, midnight));
    }
}

public sealed class QuotaTestsOnMariaDb(MariaDbDatabase database) : QuotaTests<MariaDbDatabase>(database);

public sealed class QuotaTestsOnSqlite(SqliteDatabase database) : QuotaTests<SqliteDatabase>(database);
