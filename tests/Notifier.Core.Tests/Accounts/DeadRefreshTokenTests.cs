using Microsoft.EntityFrameworkCore;
using Notifier.Core.Accounts;
using Notifier.Core.Deliveries;
using Notifier.Core.Tests.Support;
using Notifier.Testing.Database;

namespace Notifier.Core.Tests.Accounts;

/// <summary>KOE322 on a refresh: the account needs its owner, what waited for it fails, and nothing is tried again.</summary>
[RunsLong]
public abstract class DeadRefreshTokenTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : class, ITestDatabase
{
    [Fact]
    public async Task Koe322_FlagsTheAccount_FailsItsQueuedDeliveries_AndNothingIsRetried()
    {
        await using var world = await DispatchWorld.CreateAsync(database, new Dictionary<string, string?> { ["Dispatch:BatchSize"] = "1" });
        var account = await world.ConnectAsync(6101);
        await world.SetAccessTokenExpiryAsync(account, world.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1));
        world.Kakao.RevokeRefreshTokens(6101);
        var deliveries = new[] { await world.EnqueueAsync(account, "dead-1"), await world.EnqueueAsync(account, "dead-2"), await world.EnqueueAsync(account, "dead-3") };

        Assert.Equal(1, await world.Node.RoundAsync()); // claims one; the other two are still queued when the refresh fails

        Assert.Equal(AccountStatus.ReauthorizationRequired, (await world.AccountAsync(account)).Status);
        foreach (var id in deliveries)
        {
            var delivery = await world.DeliveryAsync(id);
            Assert.Equal(DeliveryStatus.Failed, delivery.Status);
            Assert.Contains("KOE322", delivery.LastError, StringComparison.Ordinal);
            Assert.Contains("connect KakaoTalk again", delivery.LastError, StringComparison.Ordinal);
        }

        await AssertNothingMoreIsTriedAsync(world);
    }

    [Fact]
    public async Task Koe322_WithManySendsInOneRound_IsOneRefreshAttempt()
    {
        await using var world = await DispatchWorld.CreateAsync(database);
        var account = await world.ConnectAsync(6102);
        await world.SetAccessTokenExpiryAsync(account, world.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1));
        world.Kakao.Unlink(6102); // unlinking at Kakao kills the refresh token too
        for (var i = 0; i < 6; i++)
        {
            await world.EnqueueAsync(account, $"unlinked-{i}");
        }

        Assert.Equal(6, await world.Node.RoundAsync());

        Assert.Equal(AccountStatus.ReauthorizationRequired, (await world.AccountAsync(account)).Status);
        var statuses = await world.QueryAsync(db => db.Deliveries.Select(d => d.Status).ToListAsync());
        Assert.All(statuses, s => Assert.Equal(DeliveryStatus.Failed, s));
        await AssertNothingMoreIsTriedAsync(world);
    }

    // One code exchange and one refresh reached the token endpoint; no memo was ever attempted, now or later.
    private static async Task AssertNothingMoreIsTriedAsync(DispatchWorld world)
    {
        Assert.Equal(2, world.TokenRequests);
        Assert.Equal(0, world.Kakao.MemoRequests);
        for (var i = 0; i < 3; i++)
        {
            world.Clock.Advance(TimeSpan.FromHours(1));
            Assert.Equal(0, await world.Node.RoundAsync());
        }

        Assert.Equal(2, world.TokenRequests);
        Assert.Equal(0, world.Kakao.MemoRequests);
    }
}

public sealed class DeadRefreshTokenTestsOnMariaDb(MariaDbDatabase database) : DeadRefreshTokenTests<MariaDbDatabase>(database);

public sealed class DeadRefreshTokenTestsOnSqlite(SqliteDatabase database) : DeadRefreshTokenTests<SqliteDatabase>(database);
