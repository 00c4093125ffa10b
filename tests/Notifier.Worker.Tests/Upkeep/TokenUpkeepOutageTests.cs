using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Notifier.Core.Accounts;
using Notifier.Core.Data;
using Notifier.Worker.Tests.Support;

namespace Notifier.Worker.Tests.Upkeep;

[RunsLong]
public sealed class TokenUpkeepOutageTests(WorkerWorld world) : IClassFixture<WorkerWorld>
{
    [Fact]
    public async Task KakaoDown_LeavesTheAccountActive_AndTheNextPassRefreshesIt()
    {
        using var host = await world.StartCoreHostAsync();
        var account = await world.ConnectAsync(host, 9201, "Patient");
        world.Clock.Advance(TimeSpan.FromDays(40));
        var upkeep = host.Services.GetRequiredService<TokenUpkeep>();

        // Down for the whole pass: the refresh, and the consent check's refresh of the then stale access token.
        world.Kakao.FailTokenEndpoint(503, 503);
        var down = await upkeep.RunAsync(CancellationToken.None);
        Assert.Equal((0, 0, 1), (down.Refreshed, down.NeedReauthorization, down.Failed));
        var status = await WorkerWorld.InScopeAsync(host, s => s.GetRequiredService<NotifierDbContext>().Accounts.AsNoTracking()
            .Where(a => a.Id == account.Id).Select(a => a.Status).SingleAsync());
        Assert.Equal(AccountStatus.Active, status);

        world.Clock.Advance(TimeSpan.FromHours(13));
        var back = await upkeep.RunAsync(CancellationToken.None);
        Assert.Equal((1, 0, 0), (back.Refreshed, back.NeedReauthorization, back.Failed));
        Assert.Equal(1, world.Kakao.RotationCount);
        await host.StopAsync();
    }
}
