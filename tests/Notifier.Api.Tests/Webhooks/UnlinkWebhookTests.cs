using System.Net;
using System.Text.Json;
using Notifier.Api.Tests.Support;
using Notifier.Testing;

namespace Notifier.Api.Tests.Webhooks;

/// <summary>The dispatcher is off: what was accepted stays queued until the webhook fails it.</summary>
public sealed class UnlinkWebhookFixture : MessagingFixture;

/// <summary>Kakao's unlink webhook marks the account and fails what was queued for it, and only for Kakao.</summary>
public sealed class UnlinkWebhookTests(UnlinkWebhookFixture fixture) : IClassFixture<UnlinkWebhookFixture>
{
    [Theory]
    [InlineData(8401, "POST", "UNLINK_FROM_APPS")]
    [InlineData(8403, "GET", "ACCOUNT_DELETE")]
    public async Task Unlink_MarksTheAccountUnlinked_AndFailsItsQueuedMessages_Only(long kakaoUserId, string method, string referrer)
    {
        var accountId = await fixture.ConnectAccountAsync(kakaoUserId);
        var bystanderId = await fixture.ConnectAccountAsync(kakaoUserId + 1);
        using var api = new ApiClient(fixture);
        var queued = new[] { await api.SendAcceptedAsync(new { accountId, text = "one" }), await api.SendAcceptedAsync(new { accountId, text = "two" }) };
        var bystanders = await api.SendAcceptedAsync(new { accountId = bystanderId, text = "not affected" });
        var fields = UnlinkCalls.Fields(kakaoUserId, referrer: referrer);

        var answer = method == "POST" ? await UnlinkCalls.PostAsync(fixture, fields) : await UnlinkCalls.GetAsync(fixture, fields);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        // The webhook records the unlink; the applier marks the account right after.
        await Eventually.MatchAsync(() => fixture.AccountStatusAsync(accountId), s => s == "unlinked", "the account to be unlinked");
        Assert.Contains(referrer, (await api.GetAsync($"/api/accounts/{accountId}")).Json.GetProperty("statusReason").GetString(), StringComparison.Ordinal);
        foreach (var id in queued)
        {
            var message = await api.GetMessageAsync(id);
            Assert.Equal("failed", message.Status());
            Assert.Contains(referrer, message.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal("queued", (await api.GetMessageAsync(bystanders)).Status());
        Assert.Equal("active", await fixture.AccountStatusAsync(bystanderId));
        (await api.PostMessageAsync(new { accountId, text = "after the unlink" })).AssertProblem(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("KakaoAK not-the-admin-key")]
    [InlineData("KakaoAK ")]
    [InlineData("Bearer " + MessagingFixture.AdminKey)]
    [InlineData("kakaoak " + MessagingFixture.AdminKey)]
    public async Task Unlink_WithoutTheAdminKey_Is401_AndChangesNothing(string? authorization)
    {
        await AssertRefusedAsync(8410, fields => UnlinkCalls.PostAsync(fixture, fields, authorization), HttpStatusCode.Unauthorized);
        await AssertRefusedAsync(8411, fields => UnlinkCalls.GetAsync(fixture, fields, authorization), HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("654321")]
    [InlineData("")]
    public async Task Unlink_ForAnotherApp_Is403_AndChangesNothing(string appId)
    {
        await AssertRefusedAsync(8420, fields =>
        {
            fields["app_id"] = appId;
            return UnlinkCalls.PostAsync(fixture, fields);
        }, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Unlink_WithoutAUserId_Is400_AndChangesNothing()
    {
        await AssertRefusedAsync(8430, fields =>
        {
            fields["user_id"] = "someone";
            return UnlinkCalls.PostAsync(fixture, fields);
        }, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Unlink_OfAnUnknownUser_Is200_AndChangesNothing()
    {
        var accountId = await fixture.ConnectAccountAsync(8440);
        using var api = new ApiClient(fixture);
        var id = await api.SendAcceptedAsync(new { accountId, text = "stays" });
        var inactiveBefore = await fixture.LongAsync("SELECT COUNT(*) FROM accounts WHERE Status <> 'active'");
        var failedBefore = await fixture.LongAsync("SELECT COUNT(*) FROM deliveries WHERE Status = 'failed'");

        var post = await UnlinkCalls.PostAsync(fixture, UnlinkCalls.Fields(987_654_321));
        var get = await UnlinkCalls.GetAsync(fixture, UnlinkCalls.Fields(987_654_322));

        Assert.Equal(HttpStatusCode.OK, post.Status);
        Assert.Equal(HttpStatusCode.OK, get.Status);
        Assert.Equal(inactiveBefore, await fixture.LongAsync("SELECT COUNT(*) FROM accounts WHERE Status <> 'active'"));
        Assert.Equal(failedBefore, await fixture.LongAsync("SELECT COUNT(*) FROM deliveries WHERE Status = 'failed'"));
        Assert.Equal("queued", (await api.GetMessageAsync(id)).Status());
    }

    private async Task AssertRefusedAsync(long kakaoUserId, Func<Dictionary<string, string>, Task<ApiAnswer>> call, HttpStatusCode status)
    {
        var accountId = await fixture.ConnectAccountAsync(kakaoUserId);
        using var api = new ApiClient(fixture);
        var id = await api.SendAcceptedAsync(new { accountId, text = "must stay queued" });

        var answer = await call(UnlinkCalls.Fields(kakaoUserId));

        answer.AssertProblem(status);
        Assert.Equal("active", await fixture.AccountStatusAsync(accountId));
        var message = await api.GetMessageAsync(id);
        Assert.Equal("queued", message.Status());
        Assert.Equal(JsonValueKind.Null, message.GetProperty("lastError").ValueKind);
    }
}
