using Notifier.Core.Deliveries;
using Notifier.Core.Tests.Support;
using Notifier.Testing;
using Notifier.Testing.Database;
using Notifier.Testing.Kakao;

namespace Notifier.Core.Tests.Deliveries;

/// <summary>When Kakao may have acted on a send without saying so, the delivery is 'unknown' and never resent (ADR 0003).</summary>
public abstract class UnknownOutcomeTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : class, ITestDatabase
{
    [Fact]
    public async Task KakaoInternalTimeout_Minus603_IsUnknown_AndNeverResent()
    {
        await using var world = await DispatchWorld.CreateAsync(database);
        var account = await world.ConnectAsync(6601);
        world.Kakao.FailMemoSend(MemoFault.Error(-603));
        var id = await world.EnqueueAsync(account, "maybe-603");

        await world.Node.RoundAsync();

        var unknown = await world.DeliveryAsync(id);
        Assert.Equal(DeliveryStatus.Unknown, unknown.Status);
        Assert.Contains("-603", unknown.LastError, StringComparison.Ordinal);
        Assert.Equal(1, await world.UsageAsync(account, world.Clock.GetUtcNow().UtcDateTime)); // it may have used Kakao's budget
        await AssertNeverResentAsync(world, id);
    }

    [Fact]
    public async Task ClientTimeoutAfterTheRequestLeft_IsUnknown_AndNeverResent_EvenThoughKakaoDeliveredIt()
    {
        await using var world = await DispatchWorld.CreateAsync(database);
        // Only the dispatching node waits 1 s for Kakao; setting up the account and the queue is not under that limit.
        var impatient = await world.AddNodeAsync("impatient", new Dictionary<string, string?> { ["Kakao:TimeoutSeconds"] = "1" });
        var account = await world.ConnectAsync(6602);
        world.Kakao.FailMemoSend(MemoFault.Slow(TimeSpan.FromSeconds(2), delivered: true));
        var id = await world.EnqueueAsync(account, "maybe-timeout");

        await impatient.RoundAsync();

        var unknown = await world.DeliveryAsync(id);
        Assert.Equal(DeliveryStatus.Unknown, unknown.Status);
        Assert.Contains("No answer from Kakao", unknown.LastError, StringComparison.Ordinal);
        // Kakao did deliver it after Notifier stopped waiting: resending would have made a duplicate.
        await Eventually.TrueAsync(() => world.MemosWith("maybe-timeout") == 1, "Kakao to deliver the memo it answered late", TimeSpan.FromSeconds(10));
        await AssertNeverResentAsync(world, id);
        Assert.Equal(1, world.MemosWith("maybe-timeout"));
    }

    private static async Task AssertNeverResentAsync(DispatchWorld world, long id)
    {
        for (var i = 0; i < 3; i++)
        {
            world.Clock.Advance(TimeSpan.FromDays(1));
            Assert.Equal(0, await world.Node.RoundAsync());
        }

        Assert.Equal(1, world.Kakao.MemoRequests);
        Assert.Equal(DeliveryStatus.Unknown, (await world.DeliveryAsync(id)).Status);
    }
}

public sealed class UnknownOutcomeTestsOnMariaDb(MariaDbDatabase database) : UnknownOutcomeTests<MariaDbDatabase>(database);

public sealed class UnknownOutcomeTestsOnSqlite(SqliteDatabase database) : UnknownOutcomeTests<SqliteDatabase>(database);
