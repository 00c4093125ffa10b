using Notifier.Core.Accounts;
using Notifier.Core.Deliveries;
using Notifier.Core.Tests.Support;
using Notifier.Testing.Database;
using Notifier.Testing.Kakao;

namespace Notifier.Core.Tests.Deliveries;

/// <summary>-401 on a send whose token the database thinks fresh: refresh once, resend once.</summary>
public abstract class RejectedTokenTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : class, ITestDatabase
{
    [Fact]
    public async Task TokenExpiredEarlyAtKakao_IsRefreshedOnce_AndTheMemoResentOnce()
    {
        await using var world = await DispatchWorld.CreateAsync(database);
        var account = await world.ConnectAsync(6201);
        world.Kakao.ExpireAccessTokens(6201);
        var delivery = await world.EnqueueAsync(account, "early-expiry");

        await world.Node.RoundAsync();

        var sent = await world.DeliveryAsync(delivery);
        Assert.Equal(DeliveryStatus.Sent, sent.Status);
        Assert.Equal(1, sent.Attempts);
        Assert.Equal(1, world.Kakao.RefreshCount);
        Assert.Equal(2, world.Kakao.MemoRequests); // the rejected send and the resend
        Assert.Equal(1, world.MemosWith("early-expiry"));
    }

    [Fact]
    public async Task TokenRejectedAgainAfterTheRefresh_FailsWithoutASecondRefresh()
    {
        await using var world = await DispatchWorld.CreateAsync(database);
        var account = await world.ConnectAsync(6202);
        // An IP allow-list or platform mismatch: Kakao answers -401 whatever the token.
        world.Kakao.FailMemoSend(MemoFault.Error(-401), MemoFault.Error(-401));
        var delivery = await world.EnqueueAsync(account, "always-401");

        await world.Node.RoundAsync();
        world.Clock.Advance(TimeSpan.FromHours(1));
        await world.Node.RoundAsync();

        var failed = await world.DeliveryAsync(delivery);
        Assert.Equal(DeliveryStatus.Failed, failed.Status);
        Assert.Contains("-401", failed.LastError, StringComparison.Ordinal);
        Assert.Equal(1, world.Kakao.RefreshCount);
        Assert.Equal(2, world.Kakao.MemoRequests);
        Assert.Equal(0, world.MemosWith("always-401"));
        Assert.Equal(AccountStatus.ReauthorizationRequired, (await world.AccountAsync(account)).Status);
    }
}

public sealed class RejectedTokenTestsOnMariaDb(MariaDbDatabase database) : RejectedTokenTests<MariaDbDatabase>(database);

public sealed class RejectedTokenTestsOnSqlite(SqliteDatabase database) : RejectedTokenTests<SqliteDatabase>(database);
