using Microsoft.Extensions.DependencyInjection;
using Notifier.Core.Deliveries;
using Notifier.Core.Kakao;
using Notifier.Core.Tests.Support;
using Notifier.Testing.Database;
using Notifier.Testing.Kakao;

namespace Notifier.Core.Tests.Deliveries;

/// <summary>
/// The console-template and scrap sends are classified exactly as the default send (ADR 0003): Kakao's internal
/// timeout is unknown and never resent, its "not done" is retried and then sent once, at the endpoint the memo was made for.
/// </summary>
public abstract class CustomSendOutcomeTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : class, ITestDatabase
{
    private static readonly Dictionary<string, string?> Settings = new() { ["Dispatch:RetryBaseSeconds"] = "10" };

    [Theory]
    [InlineData("custom")]
    [InlineData("scrap")]
    public async Task KakaoInternalTimeout_Minus603_IsUnknown_AndNeverResent(string kind)
    {
        await using var world = await DispatchWorld.CreateAsync(database, Settings);
        var account = await world.ConnectAsync(7301);
        world.Kakao.FailMemoSend(MemoFault.Error(-603));
        var id = await EnqueueAsync(world, account, Memo(kind, "maybe"));

        await world.Node.RoundAsync();

        var unknown = await world.DeliveryAsync(id);
        Assert.Equal(DeliveryStatus.Unknown, unknown.Status);
        Assert.Contains("-603", unknown.LastError, StringComparison.Ordinal);
        world.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await world.Node.RoundAsync());
        Assert.Equal(1, world.Kakao.MemoRequests);
        Assert.Empty(world.Kakao.CustomMemos);
    }

    [Theory]
    [InlineData("custom")]
    [InlineData("scrap")]
    public async Task KakaosNotDone_Minus1_IsRetried_ThenSentOnce_AtItsEndpoint(string kind)
    {
        await using var world = await DispatchWorld.CreateAsync(database, Settings);
        var account = await world.ConnectAsync(7302);
        world.Kakao.FailMemoSend(new MemoFault(400, -1));
        var id = await EnqueueAsync(world, account, Memo(kind, "retried"));

        Assert.Equal(1, await world.Node.RoundAsync());
        var waiting = await world.DeliveryAsync(id);
        Assert.Equal((DeliveryStatus.Queued, 1), (waiting.Status, waiting.Attempts));
        Assert.Empty(world.Kakao.CustomMemos);

        world.Clock.SetUtcNow(waiting.DueAt);
        Assert.Equal(1, await world.Node.RoundAsync());

        Assert.Equal(DeliveryStatus.Sent, (await world.DeliveryAsync(id)).Status);
        Assert.Equal(2, world.Kakao.MemoRequests);
        var memo = Assert.Single(world.Kakao.CustomMemos);
        Assert.Equal(kind == "scrap" ? KakaoFake.ScrapSendPath : KakaoFake.CustomSendPath, memo.Endpoint);
        Assert.Contains("retried", memo.TemplateArgs, StringComparison.Ordinal);
        Assert.Empty(world.Kakao.Memos);
    }

    [Fact]
    public async Task ADefaultTemplateRowStoredBeforeTheEnvelope_StillSendsThroughTheDefaultSend()
    {
        await using var world = await DispatchWorld.CreateAsync(database, Settings);
        var account = await world.ConnectAsync(7303);
        // A row as every delivery was stored before console templates: the template object itself.
        const string template = """{"object_type":"text","text":"old-row","link":{"web_url":"https://example.com"}}""";
        var id = await EnqueueAsync(world, account, template);

        Assert.Equal(1, await world.Node.RoundAsync());

        Assert.Equal(DeliveryStatus.Sent, (await world.DeliveryAsync(id)).Status);
        Assert.Equal(1, world.MemosWith("old-row"));
        Assert.Empty(world.Kakao.CustomMemos);
    }

    private static string Memo(string kind, string marker)
    {
        var args = new Dictionary<string, string> { ["marker"] = marker };
        StoredMemo memo = kind == "scrap"
            ? new StoredMemo.Scrap("https://example.com/post/1", 55, args)
            : new StoredMemo.CustomTemplate(55, args);
        return memo.ToStoredJson();
    }

    private static async Task<long> EnqueueAsync(DispatchWorld world, long accountId, string storedJson)
    {
        await using var scope = world.Node.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<DeliveryIntake>()
            .EnqueueAsync(accountId, storedJson, idempotencyKey: null, requestHash: storedJson, CancellationToken.None);
        return Assert.IsType<IntakeResult.Accepted>(result).Delivery.Id;
    }
}

public sealed class CustomSendOutcomeTestsOnMariaDb(MariaDbDatabase database) : CustomSendOutcomeTests<MariaDbDatabase>(database);

public sealed class CustomSendOutcomeTestsOnSqlite(SqliteDatabase database) : CustomSendOutcomeTests<SqliteDatabase>(database);
