using Microsoft.EntityFrameworkCore;
using Notifier.Core.Deliveries;
using Notifier.Core.Tests.Support;
using Notifier.Testing.Database;

namespace Notifier.Core.Tests.Deliveries;

/// <summary>
/// Claims take due rows in turns across accounts: one account's deep backlog, or a backlog the daily cap moved to
/// 00:00 KST, never keeps another account's due memo waiting for more than one claim round.
/// </summary>
[RunsLong]
public abstract class FairClaimTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : class, ITestDatabase
{
    private const int Backlog = 5000;
    private const int Page = 64;

    [Fact]
    public async Task FiveThousandDueRowsOfOneAccount_ThenOneOfAnother_TheOtherIsSentInTheFirstRound()
    {
        await using var world = await DispatchWorld.CreateAsync(database, Settings(dailyCap: 100_000));
        var deep = await world.ConnectAsync(6901);
        var other = await world.ConnectAsync(6902);
        await world.EnqueueManyAsync(Enumerable.Range(0, Backlog).Select(i => (deep, $"deep-{i}")));
        world.Clock.Advance(TimeSpan.FromSeconds(1)); // due after the whole backlog: oldest-first alone would take it in the 79th round
        await world.EnqueueAsync(other, "other");

        Assert.Equal(Page, await world.Node.RoundAsync());

        Assert.Equal(1, world.MemosWith("other"));
        Assert.Equal(Page, world.Kakao.MemoRequests);
        Assert.Equal(Backlog - (Page - 1), await QueuedAsync(world, deep));
    }

    [Fact]
    public async Task ABacklogTheDailyCapMovedToMidnight_DoesNotDelayAnotherAccountsMemoDueAfterMidnight()
    {
        await using var world = await DispatchWorld.CreateAsync(database, Settings(dailyCap: 20));
        var deep = await world.ConnectAsync(6903);
        var other = await world.ConnectAsync(6904);
        await world.EnqueueManyAsync(Enumerable.Range(0, Backlog).Select(i => (deep, $"capped-{i}")));
        // As the cap leaves a backlog: every row waits for 00:00 KST.
        var midnight = KoreanTime.NextMidnightUtc(world.Clock.GetUtcNow().UtcDateTime);
        await world.QueryAsync(db => db.Deliveries.Where(d => d.AccountId == deep).ExecuteUpdateAsync(u => u.SetProperty(d => d.DueAt, midnight)));
        world.Clock.SetUtcNow(new DateTimeOffset(midnight.AddSeconds(1), TimeSpan.Zero));
        await world.EnqueueAsync(other, "after-midnight");

        Assert.Equal(21, await world.Node.RoundAsync()); // the backlog's 20 for the new day, and the other account's one

        Assert.Equal(1, world.MemosWith("after-midnight"));
        Assert.Equal(21, world.Kakao.MemoRequests);
    }

    private static Dictionary<string, string?> Settings(int dailyCap) => new()
    {
        ["Dispatch:DailyCap"] = dailyCap.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Dispatch:BatchSize"] = Page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Dispatch:Parallelism"] = "16",
    };

    private static Task<int> QueuedAsync(DispatchWorld world, long accountId) =>
        world.QueryAsync(db => db.Deliveries.CountAsync(d => d.AccountId == accountId && d.Status == DeliveryStatus.Queued));
}

public sealed class FairClaimTestsOnMariaDb(MariaDbDatabase database) : FairClaimTests<MariaDbDatabase>(database);

public sealed class FairClaimTestsOnSqlite(SqliteDatabase database) : FairClaimTests<SqliteDatabase>(database);
