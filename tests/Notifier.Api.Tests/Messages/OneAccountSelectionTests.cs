using System.Net;
using Notifier.Api.Tests.Support;

namespace Notifier.Api.Tests.Messages;

public sealed class OneAccountSelectionFixture : OneAccountFixture;

/// <summary>With exactly one account connected, <c>accountId</c> may be left out.</summary>
public sealed class OneAccountSelectionTests(OneAccountSelectionFixture fixture) : IClassFixture<OneAccountSelectionFixture>
{
    [Fact]
    public async Task PostMessage_WithoutAccountId_GoesToTheOnlyAccount()
    {
        using var api = new ApiClient(fixture);

        var id = await api.SendAcceptedAsync(new { text = "to whoever is connected" });

        var message = await api.GetMessageAsync(id);
        Assert.Equal(fixture.AccountId, message.GetProperty("accountId").GetInt64());
        Assert.Equal("queued", message.Status());
    }

    [Fact]
    public async Task PostMessage_ToAnUnknownAccount_Is400_AndStoresNothing()
    {
        using var api = new ApiClient(fixture);
        var before = await fixture.DeliveryCountAsync();

        var answer = await api.PostMessageAsync(new { accountId = fixture.AccountId + 1000, text = "to nobody" });

        answer.AssertProblemDetail(HttpStatusCode.BadRequest, $"no account {fixture.AccountId + 1000}");
        Assert.Equal(before, await fixture.DeliveryCountAsync());
    }
}

public sealed class NoAccountSelectionFixture : MessagingFixture;

public sealed class NoAccountSelectionTests(NoAccountSelectionFixture fixture) : IClassFixture<NoAccountSelectionFixture>
{
    [Fact]
    public async Task PostMessage_BeforeAnyAccountIsConnected_Is400SayingToConnectOne()
    {
        using var api = new ApiClient(fixture);

        var answer = await api.PostMessageAsync(new { text = "too early" });

        answer.AssertProblemDetail(HttpStatusCode.BadRequest, "connect one");
        Assert.Equal(0, await fixture.DeliveryCountAsync());
    }
}
