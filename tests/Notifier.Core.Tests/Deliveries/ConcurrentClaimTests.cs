using Notifier.Core.Tests.Support;
using Notifier.Testing.Database;

namespace Notifier.Core.Tests.Deliveries;

/// <summary>Dispatchers claiming at the same moment share a backlog instead of one locking all of it.</summary>
public sealed class ConcurrentClaimTests(MariaDbDatabase database) : IClassFixture<MariaDbDatabase>
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Dispatch:BatchSize"] = "10",
        ["Dispatch:DailyCap"] = "1000",
    };

    [Fact]
    public async Task TwoClaimsAtOnce_OverABacklog_TakeTwoFullDisjointBatches()
    {
        await using var world = await DispatchWorld.CreateAsync(database, Settings);
        var other = await world.AddNodeAsync("node-b", Settings);
        var account = await world.ConnectAsync(7001);

        // Several tries: two claims started together overlap in most of them, and each overlap used to leave one empty.
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await database.ScalarAsync("DELETE FROM deliveries");
            for (var i = 0; i < 20; i++)
            {
                await world.EnqueueAsync(account, $"claim-{attempt}-{i}");
            }

            var claims = await Task.WhenAll(world.Node.ClaimAsync(), other.ClaimAsync());

            Assert.Equal([10, 10], claims.Select(c => c.Count).ToArray());
            Assert.Empty(claims[0].Select(c => c.Id).Intersect(claims[1].Select(c => c.Id)));
        }
    }
}
