using Notifier.Core.Deliveries;
using Notifier.Core.Tests.Support;
using Notifier.Testing.Database;
using Notifier.Testing.Kakao;

namespace Notifier.Core.Tests.Deliveries;

/// <summary>A dispatcher that dies or stalls loses its rows to another once the lease runs out; nothing is lost or sent twice.</summary>
[RunsLong]
public abstract class LeaseTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : class, ITestDatabase
{
    private static readonly Dictionary<string, string?> Settings = new() { ["Dispatch:LeaseSeconds"] = "30" };

    [Fact]
    public async Task RowsOfADispatcherThatDied_AreSentByAnother_AfterTheLease_AndItsLateOutcomesAreIgnored()
    {
        await using var world = await DispatchWorld.CreateAsync(database, Settings);
        var other = await world.AddNodeAsync("node-b", Settings);
        var account = await world.ConnectAsync(6801);
        var markers = new[] { "lease-1", "lease-2", "lease-3" };
        var ids = new List<long>();
        foreach (var marker in markers)
        {
            ids.Add(await world.EnqueueAsync(account, marker));
        }

        var claimedByA = await world.Node.ClaimAsync(); // node-a dies here, before sending anything
        Assert.Equal(3, claimedByA.Count);
        Assert.Equal(0, await other.RoundAsync());

        world.Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(3, await other.RoundAsync());

        var sentAt = world.Clock.GetUtcNow().UtcDateTime;
        world.Clock.Advance(TimeSpan.FromMinutes(1));
        foreach (var late in claimedByA)
        {
            await world.Node.RecordAsync(late, new SendOutcome.Retry("a late answer from the dead dispatcher"));
            await world.Node.RecordAsync(late, new SendOutcome.Sent());
        }

        foreach (var id in ids)
        {
            var delivery = await world.DeliveryAsync(id);
            Assert.Equal(DeliveryStatus.Sent, delivery.Status);
            Assert.Equal(sentAt, delivery.SentAt);
            Assert.Null(delivery.LastError);
            Assert.Null(delivery.LeaseOwner);
        }

        world.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, await world.Node.RoundAsync());
        Assert.Equal(0, await other.RoundAsync());
        Assert.Equal(3, world.Kakao.MemoRequests);
        Assert.All(markers, m => Assert.Equal(1, world.MemosWith(m)));
        Assert.Equal(3, await world.UsageAsync(account, world.Clock.GetUtcNow().UtcDateTime)); // the dead claim's units came back with its "not sent"
    }

    [Fact]
    public async Task StalledDispatcher_DoesNotSendRowsTakenOverWhileTheyWaitedTheirTurn()
    {
        var oneAtATime = new Dictionary<string, string?>(Settings) { ["Dispatch:Parallelism"] = "1", ["Dispatch:BatchSize"] = "2" };
        await using var world = await DispatchWorld.CreateAsync(database, oneAtATime);
        var other = await world.AddNodeAsync("node-b", Settings);
        var account = await world.ConnectAsync(6802);
        await world.EnqueueAsync(account, "stall-1");
        await world.EnqueueAsync(account, "stall-2");
        var requests = 0;
        var takenOver = 0;
        world.Kakao.MemoFaultPolicy = _ =>
        {
            if (Interlocked.Increment(ref requests) != 1)
            {
                return null;
            }

            // node-a's first send hangs past both leases; node-b takes both rows over and sends them meanwhile.
            world.Clock.Advance(TimeSpan.FromSeconds(31));
            takenOver = other.RoundAsync().GetAwaiter().GetResult();
            return MemoFault.Error(-1); // and node-a's hung send finally fails: nothing delivered by it
        };

        Assert.Equal(2, await world.Node.RoundAsync());

        Assert.Equal(2, takenOver);
        Assert.Equal(1, world.MemosWith("stall-1"));
        Assert.Equal(1, world.MemosWith("stall-2"));
        Assert.Equal(3, world.Kakao.MemoRequests); // node-a's failed one and node-b's two
        Assert.Equal(2, await world.UsageAsync(account, world.Clock.GetUtcNow().UtcDateTime)); // node-a gave back the units it held without sending
    }
}

public sealed class LeaseTestsOnMariaDb(MariaDbDatabase database) : LeaseTests<MariaDbDatabase>(database);

public sealed class LeaseTestsOnSqlite(SqliteDatabase database) : LeaseTests<SqliteDatabase>(database);
