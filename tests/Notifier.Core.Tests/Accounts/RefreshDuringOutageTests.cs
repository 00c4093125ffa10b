using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Notifier.Core.Accounts;
using Notifier.Core.Tests.Support;
using Notifier.Testing.Database;
using Xunit.Abstractions;

namespace Notifier.Core.Tests.Accounts;

/// <summary>
/// A refresh whose caller gives up while the database is down (a request's deadline, a host stopping) stops then,
/// before Kakao is asked: only once Kakao has been asked does it ignore the caller (RefreshRotationTests).
/// </summary>
public sealed class RefreshDuringOutageTests(MariaDbOnOwnServer database, ITestOutputHelper output) : IClassFixture<MariaDbOnOwnServer>
{
    [Fact]
    public async Task ACallerThatGivesUpWhileMariaDbIsDown_IsLetGo_AndKakaoIsNotAsked()
    {
        await using var world = await DispatchWorld.CreateAsync(database);
        var account = await world.ConnectAsync(6101);
        var refreshes = world.Kakao.RefreshCount;

        await database.Server.DownAsync();
        TimeSpan took;
        Exception? thrown;
        try
        {
            using var caller = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await using var scope = world.Node.Services.CreateAsyncScope();
            var clock = Stopwatch.StartNew();
            thrown = await Record.ExceptionAsync(() => scope.ServiceProvider.GetRequiredService<AccessTokenService>().ForceRefreshAsync(account, caller.Token));
            took = clock.Elapsed;
        }
        finally
        {
            await database.Server.UpAsync();
        }

        output.WriteLine($"{thrown?.GetType().Name} after {took.TotalSeconds:0.0} s");
        // Let go when the caller gave up (2 s), during the strategy's wait between tries: not at its next try (4.2 s
        // when the strategy was given no token), nor after its minute of retries.
        Assert.IsAssignableFrom<OperationCanceledException>(thrown);
        Assert.True(took < TimeSpan.FromSeconds(3.5), $"the refresh gave up after {took}");
        Assert.Equal(refreshes, world.Kakao.RefreshCount);
    }
}
