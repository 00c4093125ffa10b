using Notifier.Core.Accounts;
using Notifier.Core.Deliveries;
using Notifier.Core.Tests.Support;
using Notifier.Testing.Database;
using Notifier.Testing.Kakao;

namespace Notifier.Core.Tests.Deliveries;

/// <summary>Refusals that no retry can fix: -402 (the person's consent) and -3 (the app's settings).</summary>
[RunsLong]
public abstract class RefusedSendTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : class, ITestDatabase
{
    [Fact]
    public async Task MissingConsent_Minus402_FailsWithoutRetry_AndFlagsTheAccount()
    {
        await using var world = await DispatchWorld.CreateAsync(database, new Dictionary<string, string?> { ["Dispatch:BatchSize"] = "1" });
        var account = await world.ConnectAsync(6301);
        world.Kakao.WithdrawConsent(6301); // withdrawn after the connect, before any upkeep noticed: Kakao itself answers -402
        var first = await world.EnqueueAsync(account, "no-consent-1");
        var second = await world.EnqueueAsync(account, "no-consent-2");

        await world.Node.RoundAsync();
        world.Clock.Advance(TimeSpan.FromDays(1));
        await world.Node.RoundAsync();

        var failed = await world.DeliveryAsync(first);
        Assert.Equal(DeliveryStatus.Failed, failed.Status);
        Assert.Contains("-402", failed.LastError, StringComparison.Ordinal);
        Assert.Equal(AccountStatus.ReauthorizationRequired, (await world.AccountAsync(account)).Status);
        var waiting = await world.DeliveryAsync(second);
        Assert.Equal(DeliveryStatus.Failed, waiting.Status);
        Assert.Contains("talk_message", waiting.LastError, StringComparison.Ordinal);
        Assert.Equal(1, world.Kakao.MemoRequests);
        Assert.Equal(0, world.Kakao.RefreshCount);
    }

    [Fact]
    public async Task AppWithoutTheConsentItem_Minus3_FailsThatDelivery_AndLeavesTheAccountAlone()
    {
        await using var world = await DispatchWorld.CreateAsync(database);
        var account = await world.ConnectAsync(6302);
        world.Kakao.FailMemoSend(MemoFault.Error(-3));
        var refused = await world.EnqueueAsync(account, "app-misconfigured");

        await world.Node.RoundAsync();
        var later = await world.EnqueueAsync(account, "after-the-fix");
        world.Clock.Advance(TimeSpan.FromHours(1));
        await world.Node.RoundAsync();

        var failed = await world.DeliveryAsync(refused);
        Assert.Equal(DeliveryStatus.Failed, failed.Status);
        Assert.Contains("-3", failed.LastError, StringComparison.Ordinal);
        Assert.Equal(AccountStatus.Active, (await world.AccountAsync(account)).Status);
        Assert.Equal(DeliveryStatus.Sent, (await world.DeliveryAsync(later)).Status);
        Assert.Equal(2, world.Kakao.MemoRequests);
        Assert.Equal(0, world.MemosWith("app-misconfigured"));
    }
}

public sealed class RefusedSendTestsOnMariaDb(MariaDbDatabase database) : RefusedSendTests<MariaDbDatabase>(database);

public sealed class RefusedSendTestsOnSqlite(SqliteDatabase database) : RefusedSendTests<SqliteDatabase>(database);
