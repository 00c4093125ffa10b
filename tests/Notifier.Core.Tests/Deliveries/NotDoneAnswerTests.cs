using Notifier.Core.Deliveries;
using Notifier.Core.Tests.Support;
using Notifier.Testing.Database;
using Notifier.Testing.Hosting;
using Notifier.Testing.Kakao;

namespace Notifier.Core.Tests.Deliveries;

/// <summary>
/// Only what certainly left no memo behind is retried: Kakao's explicit "not done" answers (-1, -7, -9798, a 5xx
/// with Kakao's JSON body) and a request that never left (connection refused).
/// </summary>
public abstract class NotDoneAnswerTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : class, ITestDatabase
{
    private static readonly Dictionary<string, string?> Settings = new() { ["Dispatch:RetryBaseSeconds"] = "10" };

    [Theory]
    [InlineData(400, -1)]
    [InlineData(400, -7)]
    [InlineData(503, -9798)]
    [InlineData(500, -1)]
    [InlineData(502, -7)]
    public async Task KakaosNotDoneAnswer_IsRetried_ThenSentOnce(int status, int code)
    {
        await using var world = await DispatchWorld.CreateAsync(database, Settings);
        var account = await world.ConnectAsync(7001);
        world.Kakao.FailMemoSend(new MemoFault(status, code));
        var id = await world.EnqueueAsync(account, "not-done");

        Assert.Equal(1, await world.Node.RoundAsync());

        var waiting = await world.DeliveryAsync(id);
        Assert.Equal((DeliveryStatus.Queued, 1), (waiting.Status, waiting.Attempts));
        Assert.Contains(code.ToString(System.Globalization.CultureInfo.InvariantCulture), waiting.LastError, StringComparison.Ordinal);
        Assert.InRange(waiting.DueAt - world.Clock.GetUtcNow().UtcDateTime, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10));
        Assert.Equal(0, world.MemosWith("not-done"));

        world.Clock.SetUtcNow(waiting.DueAt);
        Assert.Equal(1, await world.Node.RoundAsync());

        Assert.Equal(DeliveryStatus.Sent, (await world.DeliveryAsync(id)).Status);
        Assert.Equal(2, world.Kakao.MemoRequests);
        Assert.Equal(1, world.MemosWith("not-done"));
    }

    [Fact]
    public async Task ConnectionRefused_NothingLeft_IsRetried_ThenSentOnce()
    {
        await using var world = await DispatchWorld.CreateAsync(database, Settings);
        // This node's kapi is a port nothing listens on; its kauth (token refreshes) is still the fake.
        var cutOff = await world.AddNodeAsync("cut-off", new Dictionary<string, string?>(Settings) { ["Kakao:ApiBaseUrl"] = $"http://127.0.0.1:{FreePort.Next()}" });
        var account = await world.ConnectAsync(7002);
        var id = await world.EnqueueAsync(account, "refused");

        Assert.Equal(1, await cutOff.RoundAsync());

        var waiting = await world.DeliveryAsync(id);
        Assert.Equal((DeliveryStatus.Queued, 1), (waiting.Status, waiting.Attempts));
        Assert.Contains("could not be reached", waiting.LastError, StringComparison.Ordinal);
        Assert.Equal(1, cutOff.MemoSends.Count);
        Assert.Equal(0, world.Kakao.MemoRequests);

        world.Clock.SetUtcNow(waiting.DueAt);
        Assert.Equal(1, await world.Node.RoundAsync());

        Assert.Equal(DeliveryStatus.Sent, (await world.DeliveryAsync(id)).Status);
        Assert.Equal(1, world.Kakao.MemoRequests);
        Assert.Equal(1, world.MemosWith("refused"));
    }
}

public sealed class NotDoneAnswerTestsOnMariaDb(MariaDbDatabase database) : NotDoneAnswerTests<MariaDbDatabase>(database);

public sealed class NotDoneAnswerTestsOnSqlite(SqliteDatabase database) : NotDoneAnswerTests<SqliteDatabase>(database);
