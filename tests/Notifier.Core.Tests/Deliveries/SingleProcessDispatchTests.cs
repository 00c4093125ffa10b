using Microsoft.EntityFrameworkCore;
using Notifier.Core.Deliveries;
using Notifier.Core.Tests.Support;
using Notifier.Testing;
using Notifier.Testing.Database;

namespace Notifier.Core.Tests.Deliveries;

/// <summary>
/// What the embedded default relies on instead of SKIP LOCKED. SQLite has no row locks and one writer at a time, so it
/// runs one process with one dispatcher, and that dispatcher claims with one claimer; the intake writes to the same
/// file meanwhile. Several dispatchers sharing a backlog is MariaDB's deployment and is tested there only
/// (<see cref="ConcurrentClaimTests"/>, <see cref="TwoDispatcherLoadTests"/>).
/// </summary>
public sealed class SingleProcessDispatchTests(SqliteDatabase database, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<SqliteDatabase>
{
    private const int Accounts = 10;
    private const int Backlog = 60;
    private const int Arriving = 40;

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Dispatch:DailyCap"] = "100",
        ["Dispatch:PollIntervalMilliseconds"] = "100",
        ["Dispatch:Parallelism"] = "8", // the product default: parallel sends whose outcome writes queue for SQLite's one write lock
        ["Dispatch:BatchSize"] = "8", // many rounds, so the claims meet the intake's writes
    };

    [Fact]
    public async Task OneDispatcherLoop_WhileTheIntakeTakesMore_SendsEveryMemoExactlyOnce()
    {
        await using var world = await DispatchWorld.CreateAsync(database, Settings);
        Assert.True(await world.QueryAsync(db => Task.FromResult(db.Database.IsSqlite())));
        Assert.False(await world.QueryAsync(db => Task.FromResult(db.Dialect.SkipsLockedRows)));
        var accounts = await Task.WhenAll(Enumerable.Range(9001, Accounts).Select(user => world.ConnectAsync(user))); // concurrent writers
        foreach (var stale in accounts.Take(3))
        {
            await world.SetAccessTokenExpiryAsync(stale, world.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1)); // refreshed on the way, once each
        }

        var markers = Enumerable.Range(0, Backlog).Select(i => $"backlog-{i}").ToList();
        await world.EnqueueManyAsync(markers.Select((marker, i) => (accounts[i % Accounts], marker)));
        var dispatcher = await world.AddNodeAsync("dispatcher", Settings, runDispatcher: true);
        var elapsed = System.Diagnostics.Stopwatch.StartNew();
        await dispatcher.Host.StartAsync();
        // The intake (node-a, as the Api) takes more memos from four callers while the dispatcher loop works.
        var arriving = Enumerable.Range(0, Arriving).Select(i => (Account: accounts[i % Accounts], Marker: $"arriving-{i}")).ToList();
        await Task.WhenAll(arriving.Chunk(10).Select(async chunk =>
        {
            foreach (var (account, marker) in chunk)
            {
                await world.EnqueueAsync(account, marker);
            }
        }));
        markers.AddRange(arriving.Select(a => a.Marker));
        await Eventually.MatchAsync(
            () => world.QueryAsync(db => db.Deliveries.CountAsync(d => d.Status == DeliveryStatus.Sent)), sent => sent == markers.Count,
            $"all {markers.Count} deliveries sent", TimeSpan.FromSeconds(60));
        output.WriteLine($"{markers.Count} memos sent by one dispatcher (parallelism 8) on SQLite in {elapsed.Elapsed.TotalSeconds:0.0} s");
        await dispatcher.Host.StopAsync();

        var perMarker = world.Kakao.Memos.GroupBy(m => m.Template["text"]!.GetValue<string>()).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(0, perMarker.Values.Sum(n => n - 1)); // duplicates
        Assert.All(markers, m => Assert.True(perMarker.ContainsKey(m), $"{m} was lost"));
        Assert.Equal(markers.Count, world.Kakao.MemoRequests);
        Assert.Equal(markers.Count, dispatcher.MemoSends.Count); // the one dispatcher sent them all
        Assert.Equal(3, world.Kakao.RefreshCount);
    }
}
