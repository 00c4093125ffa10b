using Notifier.Core.Tests.Support;
using Notifier.Testing.Database;

namespace Notifier.Core.Tests.Accounts;

/// <summary>
/// Two dispatchers needing the same stale token at once make one refresh grant. MariaDB only: two dispatchers on one
/// database is the MariaDB deployment (SQLite runs one process with one dispatcher; its counterpart is
/// <see cref="StaleTokenRefreshTests{TDatabase}.TwentyParallelSends_ForOneStaleAccount_RefreshOnce"/>).
/// </summary>
public sealed class TwoDispatcherRefreshTests(MariaDbDatabase database) : IClassFixture<MariaDbDatabase>
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Tokens:RefreshAheadMinutes"] = "5",
        ["Dispatch:DailyCap"] = "100",
        ["Dispatch:Parallelism"] = "20",
        ["Dispatch:BatchSize"] = "10",
    };

    [Fact]
    public async Task TwoDispatchers_RefreshingTheSameStaleAccount_AtOnce_MakeOneRefreshGrant()
    {
        await using var world = await DispatchWorld.CreateAsync(database, Settings);
        var other = await world.AddNodeAsync("node-b", Settings);
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
