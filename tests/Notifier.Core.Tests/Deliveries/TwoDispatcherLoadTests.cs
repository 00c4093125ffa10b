using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Notifier.Core.Deliveries;
using Notifier.Core.Tests.Support;
using Notifier.Testing;
using Notifier.Testing.Database;
using Xunit.Abstractions;

namespace Notifier.Core.Tests.Deliveries;

/// <summary>Two Worker processes' dispatcher loops on one database: every delivery goes out exactly once.</summary>
[RunsLong]
public sealed class TwoDispatcherLoadTests(MariaDbDatabase database, ITestOutputHelper output) : IClassFixture<MariaDbDatabase>
{
    private const int Accounts = 50;
    private const int Deliveries = 500;

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Dispatch:DailyCap"] = "100",
        ["Dispatch:PollIntervalMilliseconds"] = "100",
    };

    [Fact]
    public async Task FiveHundredDeliveries_OverFiftyAccounts_TwoDispatchers_EachSentExactlyOnce()
    {
        await using var world = await DispatchWorld.CreateAsync(database, Settings);
        var accounts = new List<long>();
        foreach (var chunk in Enumerable.Range(8001, Accounts).Chunk(10))
        {
            accounts.AddRange(await Task.WhenAll(chunk.Select(user => world.ConnectAsync(user))));
        }

        foreach (var stale in accounts.Take(10))
        {
            await world.SetAccessTokenExpiryAsync(stale, world.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1)); // refreshed on the way, once each
        }

        var markers = Enumerable.Range(0, Deliveries).Select(i => $"load-{i}").ToList();
        await world.EnqueueManyAsync(markers.Select((marker, i) => (accounts[i % Accounts], marker)));

        var workers = new[] { await world.AddNodeAsync("worker-1", Settings, runDispatcher: true), await world.AddNodeAsync("worker-2", Settings, runDispatcher: true) };
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(workers.Select(w => w.Host.StartAsync()));
        await Eventually.MatchAsync(
            () => world.QueryAsync(db => db.Deliveries.CountAsync(d => d.Status == DeliveryStatus.Sent)), sent => sent == Deliveries,
            $"all {Deliveries} deliveries sent", TimeSpan.FromSeconds(60));
        clock.Stop();
        await Task.WhenAll(workers.Select(w => w.Host.StopAsync()));

        var perMarker = world.Kakao.Memos.GroupBy(m => m.Template["text"]!.GetValue<string>()).ToDictionary(g => g.Key, g => g.Count());
        var duplicates = perMarker.Values.Sum(n => n - 1);
        var lost = markers.Count(m => !perMarker.ContainsKey(m));
        output.WriteLine(
            $"{Deliveries} deliveries over {Accounts} accounts, 2 dispatchers: sent {perMarker.Count} " +
            $"(worker-1 {workers[0].MemoSends.Count}, worker-2 {workers[1].MemoSends.Count}), duplicates {duplicates}, lost {lost}, " +
            $"token refreshes {world.Kakao.RefreshCount}, wall time {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.Equal(0, duplicates);
        Assert.Equal(0, lost);
        Assert.Equal(Deliveries, world.Kakao.MemoRequests);
        Assert.All(workers, w => Assert.True(w.MemoSends.Count > 0, $"{w.NodeId} sent nothing"));
        Assert.Equal(10, world.Kakao.RefreshCount);
    }
}
