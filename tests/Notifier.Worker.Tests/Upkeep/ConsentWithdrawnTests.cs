using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Notifier.Core.Accounts;
using Notifier.Core.Data;
using Notifier.Worker.Tests.Support;

namespace Notifier.Worker.Tests.Upkeep;

/// <summary>Consent withdrawn in KakaoTalk (no webhook for that) is found by the daily upkeep, before a send fails.</summary>
[RunsLong]
public sealed class ConsentWithdrawnTests(WorkerWorld world) : IClassFixture<WorkerWorld>
{
    [Fact]
    public async Task Upkeep_AsksKakaoForEachActiveAccountsConsent_AndFlagsOnlyTheOneWithoutTalkMessage()
    {
        using var host = await world.StartCoreHostAsync();
        var keeps = await world.ConnectAsync(host, 9201, "Keeps consent");
        var withdraws = await world.ConnectAsync(host, 9202, "Withdraws consent");
        var upkeep = host.Services.GetRequiredService<TokenUpkeep>();
        world.Kakao.WithdrawConsent(9202);
        var (scopes, memos) = (world.Kakao.ScopesRequests, world.Kakao.MemoRequests);

        var report = await upkeep.RunAsync(CancellationToken.None);

        Assert.Equal(1, report.ConsentWithdrawn);
        Assert.Equal(scopes + 2, world.Kakao.ScopesRequests);
        Assert.Equal(memos, world.Kakao.MemoRequests); // found without a send failing
        var accounts = await WorkerWorld.InScopeAsync(host, s => s.GetRequiredService<NotifierDbContext>().Accounts.AsNoTracking().ToDictionaryAsync(a => a.Id));
        Assert.Equal(AccountStatus.Active, accounts[keeps.Id].Status);
        Assert.Null(accounts[keeps.Id].StatusReason);
        Assert.Equal(AccountStatus.ReauthorizationRequired, accounts[withdraws.Id].Status);
        Assert.Equal(KakaoConsent.MessagesNotAllowedReason, accounts[withdraws.Id].StatusReason);

        // A flagged account is not asked again; the other one is, each day.
        world.Clock.Advance(TimeSpan.FromDays(1));
        var next = await upkeep.RunAsync(CancellationToken.None);
        Assert.Equal(0, next.ConsentWithdrawn);
        Assert.Equal(scopes + 3, world.Kakao.ScopesRequests);
        await host.StopAsync();
    }

    [Fact]
    public async Task Upkeep_WithAStaleAccessToken_RefreshesIt_BeforeAskingForTheConsent()
    {
        using var host = await world.StartCoreHostAsync();
        var account = await world.ConnectAsync(host, 9211, "Stale token");
        world.Clock.Advance(TimeSpan.FromHours(7)); // past the 6-hour access token
        var (refreshes, scopes) = (world.Kakao.RefreshCount, world.Kakao.ScopesRequests);

        var report = await host.Services.GetRequiredService<TokenUpkeep>().RunAsync(CancellationToken.None);

        Assert.Equal(0, report.ConsentWithdrawn);
        Assert.True(world.Kakao.RefreshCount > refreshes, "the stale access token was refreshed first");
        Assert.True(world.Kakao.ScopesRequests > scopes);
        var stored = await WorkerWorld.InScopeAsync(host, s => s.GetRequiredService<NotifierDbContext>().Accounts.AsNoTracking().SingleAsync(a => a.Id == account.Id));
        Assert.Equal(AccountStatus.Active, stored.Status);
        await host.StopAsync();
    }
}
