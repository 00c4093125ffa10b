using System.Net;
using Notifier.Api.Tests.Support;

namespace Notifier.Api.Tests.Messages;

/// <summary>Starts with two connected accounts; tests add their own.</summary>
public class TwoAccountsFixture : MessagingFixture
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await this.ConnectAccountAsync(8301, "First");
        await this.ConnectAccountAsync(8302, "Second");
    }
}

/// <summary>The same fixture on the SQLite default.</summary>
public sealed class TwoAccountsFixtureOnSqlite : TwoAccountsFixture
{
    protected override Notifier.Testing.Database.ITestDatabase CreateDatabase() => OnSqlite();
}

/// <summary>Which account a message goes to, and which accounts cannot take one.</summary>
public abstract class AccountSelectionTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : TwoAccountsFixture
{
    [Fact]
    public async Task PostMessage_WithoutAccountId_WhenSeveralAreConnected_Is400NamingAccountId()
    {
        using var api = new ApiClient(fixture);
        var before = await fixture.DeliveryCountAsync();

        var answer = await api.PostMessageAsync(new { text = "to which one?" });

        answer.AssertProblemDetail(HttpStatusCode.BadRequest, "'accountId'");
        Assert.Equal(before, await fixture.DeliveryCountAsync());
    }

    [Fact]
    public async Task PostMessage_WithAccountId_WhenSeveralAreConnected_GoesToThatOne()
    {
        var accountId = await fixture.ConnectAccountAsync(8303);
        using var api = new ApiClient(fixture);

        var id = await api.SendAcceptedAsync(new { accountId, text = "to you" });

        Assert.Equal(accountId, (await api.GetMessageAsync(id)).GetProperty("accountId").GetInt64());
    }

    [Theory]
    [InlineData(8304, "reauthorization_required")]
    [InlineData(8305, "unlinked")]
    public async Task PostMessage_ToAnAccountThatNeedsItsOwner_Is409NamingItsStatus_AndStoresNothing(long kakaoUserId, string status)
    {
        var accountId = await fixture.ConnectAccountAsync(kakaoUserId);
        await fixture.SetAccountStatusAsync(accountId, status);
        using var api = new ApiClient(fixture);

        var answer = await api.PostMessageAsync(new { accountId, text = "can't go" });

        answer.AssertProblemDetail(HttpStatusCode.Conflict, $"Account {accountId} is {status}");
        Assert.Equal(0, await fixture.DeliveryCountAsync(accountId));
    }

    [Fact]
    public async Task PostMessage_AfterTheOwnerConnectsAgain_IsAcceptedAgain()
    {
        var accountId = await fixture.ConnectAccountAsync(8306);
        await fixture.SetAccountStatusAsync(accountId, "reauthorization_required");
        using var api = new ApiClient(fixture);
        (await api.PostMessageAsync(new { accountId, text = "before" })).AssertProblem(HttpStatusCode.Conflict);

        Assert.Equal(accountId, await fixture.ConnectAccountAsync(8306));

        await api.SendAcceptedAsync(new { accountId, text = "after" });
        Assert.Equal(1, await fixture.DeliveryCountAsync(accountId));
    }
}

public sealed class AccountSelectionTestsOnMariaDb(TwoAccountsFixture fixture) : AccountSelectionTests<TwoAccountsFixture>(fixture);

public sealed class AccountSelectionTestsOnSqlite(TwoAccountsFixtureOnSqlite fixture) : AccountSelectionTests<TwoAccountsFixtureOnSqlite>(fixture);
