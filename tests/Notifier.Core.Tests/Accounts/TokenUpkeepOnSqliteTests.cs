using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Notifier.Core.Accounts;
using Notifier.Core.Tests.Support;
using Notifier.Testing.Database;

namespace Notifier.Core.Tests.Accounts;

/// <summary>
/// The monthly token upkeep on the embedded default. Without SKIP LOCKED (<c>Dialect.SkipsLockedRows</c> false)
/// parallel claimers could take the same accounts, so SQLite runs one claimer whatever
/// <c>Tokens:UpkeepParallelism</c> says. MariaDB's parallel claimers are tested with two Worker processes
/// (Notifier.Worker.Tests, Upkeep).
/// </summary>
public sealed class TokenUpkeepOnSqliteTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
    private const int Accounts = 20;

    [Fact]
    public async Task Upkeep_AskedForFourClaimers_RunsOne_AndRefreshesEachAccountInItsLastMonthOnce()
    {
        await using var world = await DispatchWorld.CreateAsync(database, new Dictionary<string, string?> { ["Tokens:UpkeepParallelism"] = "4" });
        Assert.False(await world.QueryAsync(db => Task.FromResult(db.Dialect.SkipsLockedRows)));
        for (var user = 9501; user < 9501 + Accounts; user++)
        {
            await world.ConnectAsync(user);
        }

        world.Clock.Advance(TimeSpan.FromDays(32)); // 28 days left: inside the upkeep's margin and Kakao's rotation window
        var refreshesBefore = world.Kakao.RefreshCount;
        var upkeep = world.Node.Services.GetRequiredService<TokenUpkeep>();

        var first = await upkeep.RunAsync(CancellationToken.None);
        var again = await upkeep.RunAsync(CancellationToken.None);

        Assert.Equal((Accounts, 0, 0), (first.Refreshed, first.NeedReauthorization, first.Failed));
        Assert.Equal(0, again.Refreshed + again.NeedReauthorization + again.Failed);
        Assert.Equal(refreshesBefore + Accounts, world.Kakao.RefreshCount);
        Assert.Equal(Accounts, world.Kakao.RotationCount);
        var soonestExpiry = await world.QueryAsync(db => db.Accounts.MinAsync(a => a.RefreshTokenExpiresAt));
        Assert.True(soonestExpiry > world.Clock.GetUtcNow().UtcDateTime.AddDays(59), "every account stored its rotated refresh token");
    }
}
