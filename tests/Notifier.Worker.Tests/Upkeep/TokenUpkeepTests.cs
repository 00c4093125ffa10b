using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Notifier.Core.Accounts;
using Notifier.Core.Data;
using Notifier.Worker.Tests.Support;

namespace Notifier.Worker.Tests.Upkeep;

public sealed class TokenUpkeepTests(WorkerWorld world) : IClassFixture<WorkerWorld>
{
    [Fact]
    public async Task AccountsInTheLastMonthGetARotatedRefreshToken_OthersAreLeftAlone_AndARevokedOneIsMarkedAndWarnedOnce()
    {
        using var host = await world.StartCoreHostAsync();
        var rotating = await world.ConnectAsync(host, 9101, "Rotating");
        var revoked = await world.ConnectAsync(host, 9102, "Revoked");
        var upkeep = host.Services.GetRequiredService<TokenUpkeep>();

        // Fresh tokens (60 days left): nothing to do.
        var first = await upkeep.RunAsync(CancellationToken.None);
        Assert.Equal(0, first.Refreshed + first.NeedReauthorization + first.Failed);

        // 28 days left: inside the 35-day margin and inside Kakao's rotation window.
        world.Clock.Advance(TimeSpan.FromDays(32));
        world.Kakao.RevokeRefreshTokens(9102);
        var connect = world.Kakao.RefreshCount;
        var second = await upkeep.RunAsync(CancellationToken.None);
        Assert.Equal((1, 1, 0), (second.Refreshed, second.NeedReauthorization, second.Failed));
        Assert.Equal(1, world.Kakao.RotationCount);
        Assert.Equal(connect + 1, world.Kakao.RefreshCount);

        var accounts = await WorkerWorld.InScopeAsync(host, s => s.GetRequiredService<NotifierDbContext>().Accounts.AsNoTracking().ToDictionaryAsync(a => a.Id));
        Assert.Equal(AccountStatus.Active, accounts[rotating.Id].Status);
        Assert.True(accounts[rotating.Id].RefreshTokenExpiresAt > world.Clock.GetUtcNow().UtcDateTime.AddDays(59), "the rotated refresh token is stored");
        Assert.Equal(AccountStatus.ReauthorizationRequired, accounts[revoked.Id].Status);

        // The same day again: each account is tried at most once per half day; the revoked one never again.
        var third = await upkeep.RunAsync(CancellationToken.None);
        Assert.Equal(0, third.Refreshed + third.NeedReauthorization + third.Failed);
        world.Clock.Advance(TimeSpan.FromDays(1));
        var fourth = await upkeep.RunAsync(CancellationToken.None);
        Assert.Equal((0, 0), (fourth.NeedReauthorization, fourth.Failed));
        Assert.Equal(0, fourth.Refreshed); // rotated yesterday: 59 days left, outside the margin
        Assert.Single(world.Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains($"Account {revoked.Id} needs reauthorization", StringComparison.Ordinal));
        await host.StopAsync();
    }
}
