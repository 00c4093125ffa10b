using Notifier.Core.Deliveries;
using Notifier.Core.Tests.Support;
using Notifier.Testing.Database;
using Notifier.Testing.Kakao;

namespace Notifier.Core.Tests.Deliveries;

/// <summary>
/// Kakao's -10 limits the whole app's request rate: every account waits a minute, then twice as long with each -10 in
/// a row, up to an hour; never until midnight, never using an attempt; a memo sent starts the doubling over.
/// </summary>
public abstract class RateLimitTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : class, ITestDatabase
{
    [Fact]
    public async Task Minus10_WaitsAMinute_ThenDoublesWhileItPersists_UpToAnHour_AndStartsOverAfterASend()
    {
        await using var world = await DispatchWorld.CreateAsync(database);
        var account = await world.ConnectAsync(7101);
        world.Kakao.MemoFaultPolicy = _ => MemoFault.Error(-10);
        var id = await world.EnqueueAsync(account, "limited");

        int[] waits = [1, 2, 4, 8, 16, 32, 60, 60];
        foreach (var minutes in waits)
        {
            Assert.Equal(1, await world.Node.RoundAsync());
            var held = await world.DeliveryAsync(id);
            Assert.Equal((DeliveryStatus.Queued, 0), (held.Status, held.Attempts));
            Assert.Equal(TimeSpan.FromMinutes(minutes), held.DueAt - world.Clock.GetUtcNow().UtcDateTime);
            Assert.Contains("-10", held.LastError, StringComparison.Ordinal);
            world.Clock.SetUtcNow(held.DueAt.AddSeconds(-1));
            Assert.Equal(0, await world.Node.RoundAsync()); // not a moment early
            world.Clock.SetUtcNow(held.DueAt);
        }

        Assert.Equal(waits.Length, world.Kakao.MemoRequests);
        Assert.Equal(0, await world.UsageAsync(account, world.Clock.GetUtcNow().UtcDateTime));
        world.Kakao.MemoFaultPolicy = null;
        Assert.Equal(1, await world.Node.RoundAsync());
        Assert.Equal(DeliveryStatus.Sent, (await world.DeliveryAsync(id)).Status);
        Assert.Equal(1, world.MemosWith("limited"));

        world.Clock.Advance(TimeSpan.FromSeconds(5));
        world.Kakao.FailMemoSend(MemoFault.Error(-10));
        var next = await world.EnqueueAsync(account, "limited-again");
        Assert.Equal(1, await world.Node.RoundAsync());
        Assert.Equal(TimeSpan.FromMinutes(1), (await world.DeliveryAsync(next)).DueAt - world.Clock.GetUtcNow().UtcDateTime);
        Assert.Equal(1, (await world.RateLimitAsync()).Streak);
    }

    [Fact]
    public async Task Minus10_HoldsEveryAccountOnEveryNode_IncludingWhatComesLater_ForAMinuteNotUntilMidnight()
    {
        var oneAtATime = new Dictionary<string, string?> { ["Dispatch:BatchSize"] = "1" };
        await using var world = await DispatchWorld.CreateAsync(database, oneAtATime);
        var other = await world.AddNodeAsync("node-b", oneAtATime);
        var first = await world.ConnectAsync(7102);
        var second = await world.ConnectAsync(7103);
        var ids = new List<long> { await world.EnqueueAsync(first, "app-1"), await world.EnqueueAsync(first, "app-2"), await world.EnqueueAsync(second, "app-3") };
        world.Kakao.FailMemoSend(MemoFault.Error(-10));
        var minuteLater = world.Clock.GetUtcNow().UtcDateTime.AddMinutes(1);

        Assert.Equal(1, await world.Node.RoundAsync());
        ids.Add(await world.EnqueueAsync(second, "app-4")); // queued during the wait
        world.Clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(0, await world.Node.RoundAsync());
        Assert.Equal(0, await other.RoundAsync());

        Assert.Equal(1, world.Kakao.MemoRequests);
        foreach (var id in ids.Take(3))
        {
            var held = await world.DeliveryAsync(id);
            Assert.Equal((DeliveryStatus.Queued, minuteLater), (held.Status, held.DueAt));
            Assert.Contains("-10", held.LastError, StringComparison.Ordinal);
        }

        world.Clock.SetUtcNow(minuteLater);
        var handled = 0;
        for (var round = 0; round < 4; round++)
        {
            handled += await world.Node.RoundAsync() + await other.RoundAsync();
        }

        Assert.Equal(4, handled);
        Assert.Equal(5, world.Kakao.MemoRequests);
        foreach (var marker in (string[])["app-1", "app-2", "app-3", "app-4"])
        {
            Assert.Equal(1, world.MemosWith(marker));
        }
    }

    [Fact]
    public async Task Minus10ForEverySendOfABatch_CountsOnce()
    {
        await using var world = await DispatchWorld.CreateAsync(database, new Dictionary<string, string?> { ["Dispatch:Parallelism"] = "4" });
        var account = await world.ConnectAsync(7104);
        world.Kakao.MemoFaultPolicy = _ => MemoFault.Error(-10);
        var ids = new[] { await world.EnqueueAsync(account, "burst-1"), await world.EnqueueAsync(account, "burst-2"), await world.EnqueueAsync(account, "burst-3"), await world.EnqueueAsync(account, "burst-4") };

        Assert.Equal(4, await world.Node.RoundAsync());

        var minuteLater = world.Clock.GetUtcNow().UtcDateTime.AddMinutes(1);
        foreach (var id in ids)
        {
            Assert.Equal(minuteLater, (await world.DeliveryAsync(id)).DueAt);
        }

        var limit = await world.RateLimitAsync();
        Assert.Equal((1, minuteLater), (limit.Streak, limit.Until));
    }
}

public sealed class RateLimitTestsOnMariaDb(MariaDbDatabase database) : RateLimitTests<MariaDbDatabase>(database);

public sealed class RateLimitTestsOnSqlite(SqliteDatabase database) : RateLimitTests<SqliteDatabase>(database);
