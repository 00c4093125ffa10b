using System.Net;
using Notifier.Api.Tests.Support;

namespace Notifier.Api.Tests.Messages;

public class IdempotencyFixture : MessagingFixture
{
    protected override bool Dispatch => true;
}

/// <summary>The same fixture on the SQLite default.</summary>
public sealed class IdempotencyFixtureOnSqlite : IdempotencyFixture
{
    protected override Notifier.Testing.Database.ITestDatabase CreateDatabase() => OnSqlite();
}

/// <summary>Idempotency-Key (Stripe's semantics): a retry replays the first answer and never sends twice.</summary>
public abstract class IdempotencyTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : IdempotencyFixture
{
    [Fact]
    public async Task PostMessage_TwiceWithOneKey_ReturnsTheFirstDelivery_StoresOneRow_SendsOneMemo()
    {
        var accountId = await fixture.ConnectAccountAsync(8201);
        using var api = new ApiClient(fixture);
        var key = MessageRequests.NewKey();
        var body = new { accountId, text = "exactly once" };

        var first = await api.PostMessageAsync(body, key);
        var id = MessageRequests.AssertAccepted(first);
        await api.WaitForStatusAsync(id, "sent");
        var retry = await api.PostMessageAsync(body, key);

        Assert.Equal(id, MessageRequests.AssertAccepted(retry));
        Assert.Equal(first.Location, retry.Location);
        Assert.Equal(1, await fixture.DeliveryCountAsync(accountId));
        Assert.Equal(1, fixture.Kakao.MemoCount(8201));
    }

    [Fact]
    public async Task PostMessage_WithAKeyUsedForAnotherBody_Is422_AndStoresNothing()
    {
        var accountId = await fixture.ConnectAccountAsync(8202);
        var otherAccountId = await fixture.ConnectAccountAsync(8203);
        using var api = new ApiClient(fixture);
        var key = MessageRequests.NewKey();
        var id = await api.SendAcceptedAsync(new { accountId, text = "first" }, key);

        var otherText = await api.PostMessageAsync(new { accountId, text = "second" }, key);
        var otherAccount = await api.PostMessageAsync(new { accountId = otherAccountId, text = "first" }, key);

        otherText.AssertProblemDetail(HttpStatusCode.UnprocessableEntity, "different body");
        otherAccount.AssertProblemDetail(HttpStatusCode.UnprocessableEntity, "different body");
        Assert.Equal(1, await fixture.DeliveryCountAsync(accountId));
        Assert.Equal(0, await fixture.DeliveryCountAsync(otherAccountId));
        Assert.Equal(id, (await api.GetMessageAsync(id)).GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task PostMessage_TenTimesAtOnceWithOneKey_AnswersOneIdOr409_AndStoresOneRow()
    {
        var accountId = await fixture.ConnectAccountAsync(8204);
        var key = MessageRequests.NewKey();
        var clients = Enumerable.Range(0, 10).Select(_ => new ApiClient(fixture)).ToList();
        try
        {
            var answers = await Task.WhenAll(clients.Select(c => c.PostMessageAsync(new { accountId, text = "raced" }, key)));

            var accepted = answers.Where(a => a.Status == HttpStatusCode.Accepted).ToList();
            Assert.NotEmpty(accepted);
            Assert.All(answers.Except(accepted), a => a.AssertProblem(HttpStatusCode.Conflict));
            var id = Assert.Single(accepted.Select(MessageRequests.AssertAccepted).Distinct());
            Assert.Equal(1, await fixture.DeliveryCountAsync(accountId));
            await clients[0].WaitForStatusAsync(id, "sent");
            Assert.Equal(1, fixture.Kakao.MemoCount(8204));
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    [Fact]
    public async Task PostMessage_RefusedFirst_DoesNotBurnItsKey()
    {
        var accountId = await fixture.ConnectAccountAsync(8205);
        using var api = new ApiClient(fixture);
        var key = MessageRequests.NewKey();

        (await api.PostMessageAsync(new { accountId, text = "" }, key)).AssertFieldError("text");
        (await api.PostMessageAsync(new { accountId = 987654321, text = "nobody" }, key)).AssertProblem(HttpStatusCode.BadRequest);
        var id = await api.SendAcceptedAsync(new { accountId, text = "now valid" }, key);

        Assert.Equal(id, await api.SendAcceptedAsync(new { accountId, text = "now valid" }, key));
        Assert.Equal(1, await fixture.DeliveryCountAsync(accountId));
    }

    [Fact]
    public async Task PostMessage_RetriedAfterTheAccountWasUnlinked_StillReplaysTheFirstAnswer()
    {
        var accountId = await fixture.ConnectAccountAsync(8206);
        using var api = new ApiClient(fixture);
        var key = MessageRequests.NewKey();
        var body = new { accountId, text = "accepted before the unlink" };
        var id = await api.SendAcceptedAsync(body, key);
        await api.WaitForStatusAsync(id, "sent");
        await fixture.SetAccountStatusAsync(accountId, "unlinked");

        var retry = await api.PostMessageAsync(body, key);

        Assert.Equal(id, MessageRequests.AssertAccepted(retry));
        (await api.PostMessageAsync(body, MessageRequests.NewKey())).AssertProblem(HttpStatusCode.Conflict);
    }
}

public sealed class IdempotencyTestsOnMariaDb(IdempotencyFixture fixture) : IdempotencyTests<IdempotencyFixture>(fixture);

public sealed class IdempotencyTestsOnSqlite(IdempotencyFixtureOnSqlite fixture) : IdempotencyTests<IdempotencyFixtureOnSqlite>(fixture);
