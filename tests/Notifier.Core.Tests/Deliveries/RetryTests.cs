using Notifier.Core.Deliveries;
using Notifier.Core.Tests.Support;
using Notifier.Testing.Database;
using Notifier.Testing.Kakao;

namespace Notifier.Core.Tests.Deliveries;

/// <summary>
/// Kakao's own server errors (its JSON body says it did not take the memo) are retried after a growing backoff (the
/// clock is moved, not waited for), up to a limit.
/// </summary>
public abstract class RetryTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : class, ITestDatabase
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Dispatch:RetryBaseSeconds"] = "10",
        ["Dispatch:MaxAttempts"] = "3",
    };

    [Fact]
    public async Task ServerErrorThenSuccess_IsDeliveredOnce_AfterTheBackoff()
    {
        await using var world = await DispatchWorld.CreateAsync(database, Settings);
        var account = await world.ConnectAsync(6501);
        world.Kakao.FailMemoSend(new MemoFault(502, -1));
        var id = await world.EnqueueAsync(account, "retry-once");

        await world.Node.RoundAsync();

        var waiting = await world.DeliveryAsync(id);
        Assert.Equal(DeliveryStatus.Queued, waiting.Status);
        Assert.Equal(1, waiting.Attempts);
        Assert.InRange(waiting.DueAt - world.Clock.GetUtcNow().UtcDateTime, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10));
        Assert.Contains("502", waiting.LastError, StringComparison.Ordinal);
        Assert.Equal(0, await world.Node.RoundAsync()); // not before the backoff is over

        world.Clock.SetUtcNow(waiting.DueAt);
        Assert.Equal(1, await world.Node.RoundAsync());

        var sent = await world.DeliveryAsync(id);
        Assert.Equal(DeliveryStatus.Sent, sent.Status);
        Assert.Equal(2, sent.Attempts);
        Assert.Null(sent.LastError);
        Assert.Equal(2, world.Kakao.MemoRequests);
        Assert.Equal(1, world.MemosWith("retry-once"));
    }

    [Fact]
    public async Task ServerErrorsBeyondMaxAttempts_GiveUp_AfterBackoffsThatDouble()
    {
        await using var world = await DispatchWorld.CreateAsync(database, Settings);
        var account = await world.ConnectAsync(6502);
        world.Kakao.MemoFaultPolicy = _ => MemoFault.Error(-9798);
        var id = await world.EnqueueAsync(account, "retry-forever");

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            Assert.Equal(1, await world.Node.RoundAsync());
            var delivery = await world.DeliveryAsync(id);
            Assert.Equal(attempt, delivery.Attempts);
            if (attempt < 3)
            {
                var longest = TimeSpan.FromSeconds(10 * Math.Pow(2, attempt - 1));
                Assert.InRange(delivery.DueAt - world.Clock.GetUtcNow().UtcDateTime, longest / 2, longest);
                world.Clock.SetUtcNow(delivery.DueAt);
            }
        }

        var failed = await world.DeliveryAsync(id);
        Assert.Equal(DeliveryStatus.Failed, failed.Status);
        Assert.StartsWith("Gave up after 3 attempts", failed.LastError, StringComparison.Ordinal);
        world.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await world.Node.RoundAsync());
        Assert.Equal(3, world.Kakao.MemoRequests);
        Assert.Equal(0, await world.UsageAsync(account, world.Clock.GetUtcNow().UtcDateTime)); // nothing went out: the day's budget is intact
    }
}

public sealed class RetryTestsOnMariaDb(MariaDbDatabase database) : RetryTests<MariaDbDatabase>(database);

public sealed class RetryTestsOnSqlite(SqliteDatabase database) : RetryTests<SqliteDatabase>(database);
