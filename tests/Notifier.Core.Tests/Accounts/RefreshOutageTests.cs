using Notifier.Core.Accounts;
using Notifier.Core.Deliveries;
using Notifier.Core.Tests.Support;
using Notifier.Testing;
using Notifier.Testing.Database;

namespace Notifier.Core.Tests.Accounts;

/// <summary>A refresh that fails for Kakao's reasons sent no memo: the delivery is retried later, never 'unknown'.</summary>
public abstract class RefreshOutageTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : class, ITestDatabase
{
    private static readonly Dictionary<string, string?> Settings = new() { ["Dispatch:RetryBaseSeconds"] = "10" };

    [Fact]
    public async Task RefreshTimingOut_LeavesTheDeliveryQueuedForRetry_AndItIsSentLater()
    {
        await using var world = await DispatchWorld.CreateAsync(database, Settings);
        var impatient = await world.AddNodeAsync("impatient", new Dictionary<string, string?>(Settings) { ["Kakao:TimeoutSeconds"] = "1" });
        var account = await world.ConnectAsync(6701);
        await world.SetAccessTokenExpiryAsync(account, world.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1));
        world.Kakao.DelayTokenEndpoint(TimeSpan.FromSeconds(2));
        var id = await world.EnqueueAsync(account, "refresh-timeout");

        await impatient.RoundAsync();

        var waiting = await world.DeliveryAsync(id);
        Assert.Equal(DeliveryStatus.Queued, waiting.Status);
        Assert.Equal(1, waiting.Attempts);
        Assert.Contains("access token", waiting.LastError, StringComparison.Ordinal);
        Assert.Equal(0, world.Kakao.MemoRequests);
        Assert.Equal(AccountStatus.Active, (await world.AccountAsync(account)).Status);

        // The late refresh completes at Kakao; Notifier never saw it and refreshes again on the retry.
        await Eventually.TrueAsync(() => world.Kakao.RefreshCount == 1, "the late refresh to reach Kakao", TimeSpan.FromSeconds(10));
        world.Clock.SetUtcNow(waiting.DueAt);
        Assert.Equal(1, await world.Node.RoundAsync());

        Assert.Equal(DeliveryStatus.Sent, (await world.DeliveryAsync(id)).Status);
        Assert.Equal(1, world.MemosWith("refresh-timeout"));
        Assert.Equal(2, world.Kakao.RefreshCount);
    }

    [Fact]
    public async Task RefreshAnsweredWithAServerError_LeavesTheDeliveryQueuedForRetry_AndItIsSentLater()
    {
        await using var world = await DispatchWorld.CreateAsync(database, Settings);
        var account = await world.ConnectAsync(6702);
        await world.SetAccessTokenExpiryAsync(account, world.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1));
        world.Kakao.FailTokenEndpoint(503);
        var id = await world.EnqueueAsync(account, "refresh-503");

        await world.Node.RoundAsync();

        var waiting = await world.DeliveryAsync(id);
        Assert.Equal(DeliveryStatus.Queued, waiting.Status);
        Assert.Equal(0, world.Kakao.MemoRequests);
        world.Clock.SetUtcNow(waiting.DueAt);
        Assert.Equal(1, await world.Node.RoundAsync());

        Assert.Equal(DeliveryStatus.Sent, (await world.DeliveryAsync(id)).Status);
        Assert.Equal(1, world.MemosWith("refresh-503"));
        Assert.Equal(3, world.TokenRequests); // code exchange, the 503, the refresh that worked
    }

    [Fact]
    public async Task RefreshRateLimitedByKakao_KOE237_PostponesTheAccountsMessagesTenMinutes_WithoutSpendingAnAttempt()
    {
        await using var world = await DispatchWorld.CreateAsync(database, Settings);
        var account = await world.ConnectAsync(6703);
        await world.SetAccessTokenExpiryAsync(account, world.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1));
        world.Kakao.ExhaustTokenIssuance(6703);
        var first = await world.EnqueueAsync(account, "koe237-a");
        var second = await world.EnqueueAsync(account, "koe237-b");
        var now = world.Clock.GetUtcNow().UtcDateTime;

        await world.Node.RoundAsync();

        foreach (var id in new[] { first, second })
        {
            var waiting = await world.DeliveryAsync(id);
            Assert.Equal(DeliveryStatus.Queued, waiting.Status);
            Assert.Equal(0, waiting.Attempts);
            Assert.InRange(waiting.DueAt, now.AddMinutes(10).AddSeconds(-1), now.AddMinutes(10).AddSeconds(5));
            Assert.Contains("KOE237", waiting.LastError, StringComparison.Ordinal);
        }

        Assert.Equal(AccountStatus.Active, (await world.AccountAsync(account)).Status);
        Assert.Equal(0, world.Kakao.MemoRequests);
        Assert.Equal(0, world.Kakao.RefreshCount);
        Assert.Equal(0, await world.Node.RoundAsync()); // nothing is due before the ten minutes are over

        world.Clock.Advance(TimeSpan.FromMinutes(11));
        await world.Node.RoundAsync();

        Assert.Equal(DeliveryStatus.Sent, (await world.DeliveryAsync(first)).Status);
        Assert.Equal(DeliveryStatus.Sent, (await world.DeliveryAsync(second)).Status);
        Assert.Equal(1, world.Kakao.RefreshCount);
    }
}

public sealed class RefreshOutageTestsOnMariaDb(MariaDbDatabase database) : RefreshOutageTests<MariaDbDatabase>(database);

public sealed class RefreshOutageTestsOnSqlite(SqliteDatabase database) : RefreshOutageTests<SqliteDatabase>(database);
