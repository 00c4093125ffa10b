using Notifier.Core.Deliveries;
using Notifier.Core.Tests.Support;
using Notifier.Testing.Database;
using Notifier.Testing.Kakao;

namespace Notifier.Core.Tests.Deliveries;

/// <summary>
/// Kakao delivered the memo, but what came back is not its clean answer. A 2xx is sent whatever its body; a gateway's
/// page or a 504 after the request left is unknown (decision 0003). Neither is ever sent again: Kakao shows one memo.
/// </summary>
[RunsLong]
public abstract class AnsweredAfterDeliveryTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : class, ITestDatabase
{
    [Theory]
    [InlineData(200)]
    [InlineData(202)]
    public async Task SuccessWithAnUnreadableBody_IsSent_WithANote_AndNeverResent(int status)
    {
        await using var world = await DispatchWorld.CreateAsync(database);
        var account = await world.ConnectAsync(6901);
        world.Kakao.AnswerAfterDelivery(MemoAnswer.Garbled(status));
        var id = await world.EnqueueAsync(account, "garbled-ok");

        Assert.Equal(1, await world.Node.RoundAsync());

        var sent = await world.DeliveryAsync(id);
        Assert.Equal(DeliveryStatus.Sent, sent.Status);
        Assert.NotNull(sent.SentAt);
        Assert.Contains($"HTTP {status}", sent.LastError, StringComparison.Ordinal);
        await AssertNeverSentAgainAsync(world, id, DeliveryStatus.Sent, "garbled-ok");
    }

    [Theory]
    [MemberData(nameof(AfterDeliveryAnswers.NotKakaosAnswer), MemberType = typeof(AfterDeliveryAnswers))]
    public async Task ServerErrorWithoutKakaosAnswer_AfterTheRequestLeft_IsUnknown_AndNeverResent(MemoAnswer answer, string status)
    {
        await using var world = await DispatchWorld.CreateAsync(database);
        var account = await world.ConnectAsync(6902);
        world.Kakao.AnswerAfterDelivery(answer);
        var id = await world.EnqueueAsync(account, "proxy-page");

        Assert.Equal(1, await world.Node.RoundAsync());

        var unknown = await world.DeliveryAsync(id);
        Assert.Equal(DeliveryStatus.Unknown, unknown.Status);
        Assert.Contains(status, unknown.LastError, StringComparison.Ordinal);
        Assert.Contains("not resent", unknown.LastError, StringComparison.Ordinal);
        Assert.Equal(1, await world.UsageAsync(account, world.Clock.GetUtcNow().UtcDateTime)); // Kakao may have counted it
        await AssertNeverSentAgainAsync(world, id, DeliveryStatus.Unknown, "proxy-page");
    }

    private static async Task AssertNeverSentAgainAsync(DispatchWorld world, long id, DeliveryStatus status, string marker)
    {
        for (var i = 0; i < 3; i++)
        {
            world.Clock.Advance(TimeSpan.FromHours(8));
            Assert.Equal(0, await world.Node.RoundAsync());
        }

        Assert.Equal(1, world.Kakao.MemoRequests);
        Assert.Equal(1, world.MemosWith(marker));
        Assert.Equal(status, (await world.DeliveryAsync(id)).Status);
    }
}

public sealed class AnsweredAfterDeliveryTestsOnMariaDb(MariaDbDatabase database) : AnsweredAfterDeliveryTests<MariaDbDatabase>(database);

public sealed class AnsweredAfterDeliveryTestsOnSqlite(SqliteDatabase database) : AnsweredAfterDeliveryTests<SqliteDatabase>(database);

/// <summary>Answers that reach Notifier after the memo request left, none of them Kakao saying "not done".</summary>
public static class AfterDeliveryAnswers
{
    public static TheoryData<MemoAnswer, string> NotKakaosAnswer => new()
    {
        { MemoAnswer.ProxyPage(502), "502" },
        { MemoAnswer.ProxyPage(503), "503" },
        { MemoAnswer.ProxyPage(504), "504" },
        { MemoAnswer.Empty(500), "500" },
        { MemoAnswer.Empty(504), "504" },
        { MemoAnswer.KakaoError(504, -5), "504" },
    };
}
