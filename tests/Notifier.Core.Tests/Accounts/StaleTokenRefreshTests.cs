using Notifier.Core.Deliveries;
using Notifier.Core.Tests.Support;
using Notifier.Testing.Database;

namespace Notifier.Core.Tests.Accounts;

/// <summary>An access token at or near its stored expiry is refreshed before the send, once per account.</summary>
public abstract class StaleTokenRefreshTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : class, ITestDatabase
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Tokens:RefreshAheadMinutes"] = "5",
        ["Dispatch:DailyCap"] = "100",
        ["Dispatch:Parallelism"] = "20",
    };

    [Theory]
    [InlineData(-10)] // expired
    [InlineData(2)]   // inside the refresh-ahead margin
    public async Task StaleToken_IsRefreshedFirst_ThenTheMemoIsSentOnce(int minutesLeft)
    {
        await using var world = await DispatchWorld.CreateAsync(database, Settings);
        var account = await world.ConnectAsync(5001);
        await world.SetAccessTokenExpiryAsync(account, world.Clock.GetUtcNow().UtcDateTime.AddMinutes(minutesLeft));
        // Kakao agrees the old token is done: a send with it would be answered -401 and show up as a second request.
        world.Kakao.ExpireAccessTokens(5001);
        var delivery = await world.EnqueueAsync(account, "stale-1");

        Assert.Equal(1, await world.Node.RoundAsync());

        Assert.Equal(DeliveryStatus.Sent, (await world.DeliveryAsync(delivery)).Status);
        Assert.Equal(1, world.Kakao.RefreshCount);
        Assert.Equal(1, world.Kakao.MemoRequests);
        Assert.Equal(1, world.MemosWith("stale-1"));
        Assert.Equal(world.Clock.GetUtcNow().UtcDateTime.AddSeconds(world.Kakao.AccessTokenLifetime.TotalSeconds), (await world.AccountAsync(account)).AccessTokenExpiresAt);
    }

    [Fact]
    public async Task TokenOutsideTheMargin_IsUsedAsIs()
    {
        await using var world = await DispatchWorld.CreateAsync(database, Settings);
        var account = await world.ConnectAsync(5002);
        await world.SetAccessTokenExpiryAsync(account, world.Clock.GetUtcNow().UtcDateTime.AddMinutes(6));
        var delivery = await world.EnqueueAsync(account, "fresh-1");

        await world.Node.RoundAsync();

        Assert.Equal(DeliveryStatus.Sent, (await world.DeliveryAsync(delivery)).Status);
        Assert.Equal(1, world.TokenRequests); // only the code exchange
        Assert.Equal(1, world.MemosWith("fresh-1"));
    }

    [Fact]
    public async Task TwentyParallelSends_ForOneStaleAccount_RefreshOnce()
    {
        await using var world = await DispatchWorld.CreateAsync(database, Settings);
        var account = await world.ConnectAsync(5003);
        await world.SetAccessTokenExpiryAsync(account, world.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1));
        world.Kakao.ExpireAccessTokens(5003);
        var markers = Enumerable.Range(1, 20).Select(i => $"parallel-{i}").ToList();
        foreach (var marker in markers)
        {
            await world.EnqueueAsync(account, marker);
        }

        Assert.Equal(20, await world.Node.RoundAsync());

        Assert.Equal(1, world.Kakao.RefreshCount);
        Assert.Equal(2, world.TokenRequests); // the code exchange and one refresh
        Assert.Equal(20, world.Kakao.MemoRequests);
        Assert.All(markers, m => Assert.Equal(1, world.MemosWith(m)));
    }
}

public sealed class StaleTokenRefreshTestsOnMariaDb(MariaDbDatabase database) : StaleTokenRefreshTests<MariaDbDatabase>(database);

public sealed class StaleTokenRefreshTestsOnSqlite(SqliteDatabase database) : StaleTokenRefreshTests<SqliteDatabase>(database);
