using Notifier.Core.Deliveries;
using Notifier.Core.Tests.Support;
using Notifier.Testing.Database;

namespace Notifier.Core.Tests.Accounts;

/// <summary>An access token at or near its stored expiry is refreshed before the send, once per account.</summary>
public sealed class StaleTokenRefreshTests(MariaDbDatabase database) : IClassFixture<MariaDbDatabase>
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Dispatch:RefreshAheadMinutes"] = "5",
        ["Dispatch:DailyCap"] = "100",
        ["Dispatch:Parallelism"] = "20",
    };

    [Theory]
    [InlineData(-10)] // expired
    [InlineData(2)]   // inside the refresh-ahead margin
    public async Task StaleToken_IsRefreshedFirst_ThenTheMemoIsSentOnce(int minutesLeft)
    {
        await using var world = await DispatchWorld.CreateAsync(database.ConnectionString, Settings);
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
        await using var world = await DispatchWorld.CreateAsync(database.ConnectionString, Settings);
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
        await using var world = await DispatchWorld.CreateAsync(database.ConnectionString, Settings);
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

    [Fact]
    public async Task TwoDispatchers_RefreshingTheSameStaleAccount_AtOnce_MakeOneRefreshGrant()
    {
        var settings = new Dictionary<string, string?>(Settings) { ["Dispatch:BatchSize"] = "10" };
        await using var world = await DispatchWorld.CreateAsync(database.ConnectionString, settings);
        var other = await world.AddNodeAsync("node-b", settings);
        var account = await world.ConnectAsync(5004);
        await world.SetAccessTokenExpiryAsync(account, world.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1));
        world.Kakao.ExpireAccessTokens(5004);
        var markers = Enumerable.Range(1, 20).Select(i => $"two-nodes-{i}").ToList();
        foreach (var marker in markers)
        {
            await world.EnqueueAsync(account, marker);
        }

        var handled = await Task.WhenAll(world.Node.RoundAsync(), other.RoundAsync());

        Assert.Equal([10, 10], handled); // both dispatchers sent, so both needed a token at once
        Assert.Equal(1, world.Kakao.RefreshCount);
        Assert.Equal(2, world.TokenRequests);
        Assert.Equal(20, world.Kakao.MemoRequests);
        Assert.All(markers, m => Assert.Equal(1, world.MemosWith(m)));
    }
}
