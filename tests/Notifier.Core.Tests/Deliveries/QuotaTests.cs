using Notifier.Core.Deliveries;
using Notifier.Core.Tests.Support;
using Notifier.Testing.Database;
using Notifier.Testing.Kakao;

namespace Notifier.Core.Tests.Deliveries;

/// <summary>Kakao's quotas and Notifier's own daily cap hold memos until the next Korean day instead of hammering.</summary>
public abstract class QuotaTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : class, ITestDatabase
{
    [Fact]
    public async Task AppQuotaExceeded_Minus10_WaitsForNextKoreanMidnight_WithoutUsingAnAttempt()
    {
        await using var world = await DispatchWorld.CreateAsync(database);
        var account = await world.ConnectAsync(6401);
        world.Kakao.FailMemoSend(MemoFault.Error(-10));
        var id = await world.EnqueueAsync(account, "quota");
        var midnight = KoreanTime.NextMidnightUtc(world.Clock.GetUtcNow().UtcDateTime);

        await world.Node.RoundAsync();

        var postponed = await world.DeliveryAsync(id);
        Assert.Equal(DeliveryStatus.Queued, postponed.Status);
        Assert.Equal(midnight, postponed.DueAt);
        Assert.Equal(0, postponed.Attempts);
        Assert.Contains("-10", postponed.LastError, StringComparison.Ordinal);
        Assert.Equal(0, await world.UsageAsync(account, world.Clock.GetUtcNow().UtcDateTime));

        world.Clock.SetUtcNow(midnight.AddSeconds(-1));
        Assert.Equal(0, await world.Node.RoundAsync());
        Assert.Equal(1, world.Kakao.MemoRequests);

        world.Clock.SetUtcNow(midnight);
        Assert.Equal(1, await world.Node.RoundAsync());
        var sent = await world.DeliveryAsync(id);
        Assert.Equal(DeliveryStatus.Sent, sent.Status);
        Assert.Equal(1, sent.Attempts);
        Assert.Equal(1, world.MemosWith("quota"));
    }

    [Fact]
    public async Task AppQuotaExceeded_HoldsEveryAccountsQueue_SoKakaoIsNotAskedAgainBeforeTheWindow()
    {
        await using var world = await DispatchWorld.CreateAsync(database, new Dictionary<string, string?> { ["Dispatch:BatchSize"] = "1" });
        var first = await world.ConnectAsync(6403);
        var second = await world.ConnectAsync(6404);
        var ids = new[] { await world.EnqueueAsync(first, "app-1"), await world.EnqueueAsync(first, "app-2"), await world.EnqueueAsync(second, "app-3") };
        world.Kakao.FailMemoSend(MemoFault.Error(-10));
        var midnight = KoreanTime.NextMidnightUtc(world.Clock.GetUtcNow().UtcDateTime);

        Assert.Equal(1, await world.Node.RoundAsync());
        Assert.Equal(0, await world.Node.RoundAsync());

        Assert.Equal(1, world.Kakao.MemoRequests);
        foreach (var id in ids)
        {
            var held = await world.DeliveryAsync(id);
            Assert.Equal((DeliveryStatus.Queued, midnight), (held.Status, held.DueAt));
            Assert.Contains("-10", held.LastError, StringComparison.Ordinal);
        }

        world.Clock.SetUtcNow(midnight);
        Assert.Equal(3, await world.Node.RoundAsync() + await world.Node.RoundAsync() + await world.Node.RoundAsync());
        Assert.Equal(4, world.Kakao.MemoRequests);
    }

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
