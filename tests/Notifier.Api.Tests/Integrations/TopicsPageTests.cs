using System.Net;
using Notifier.Api.Tests.OwnerPages;
using Notifier.Api.Tests.Support;

namespace Notifier.Api.Tests.Integrations;

public class TopicsPageFixture : MessagingFixture;

/// <summary>The same fixture on SQLite (the default provider); the tests below run on both.</summary>
public sealed class TopicsPageFixtureOnSqlite : TopicsPageFixture
{
    protected override Notifier.Testing.Database.ITestDatabase CreateDatabase() => OnSqlite();
}

/// <summary>The owner page <c>/topics</c>: map a topic to this account, with a GitHub secret stored encrypted.</summary>
public abstract class TopicsPageTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : TopicsPageFixture
{
    private const string Secret = "page-github-secret-0123456789abcdef";

    [Fact]
    public async Task SavingATopicWithASecret_MapsItToThisAccount_AndStoresTheSecretEncrypted()
    {
        using var owner = await OwnerBrowser.ConnectAsync(fixture, 9501, "Topic owner");

        using var saved = await owner.PostAsync("/topics", "/topics", ("Name", "page-topic"), ("GitHubSecret", Secret));

        Assert.Equal("/topics?done=saved", OwnerBrowser.Target(saved));
        var (_, html) = await owner.GetAsync("/topics");
        Assert.Contains("page-topic", html, StringComparison.Ordinal);
        Assert.Contains("GitHub secret set", html, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, html, StringComparison.Ordinal);
        var cipher = (string?)await fixture.Database.ScalarAsync("SELECT GitHubSecretCipher FROM topics WHERE Name = 'page-topic'");
        Assert.False(string.IsNullOrEmpty(cipher));
        Assert.DoesNotContain(Secret, cipher, StringComparison.Ordinal);
        Assert.Equal(await fixture.LongAsync("SELECT Id FROM accounts WHERE KakaoUserId = 9501"),
            await fixture.LongAsync("SELECT AccountId FROM topics WHERE Name = 'page-topic'"));
    }

    [Theory]
    [InlineData("bad.name", "letters, digits")]
    [InlineData("deliveries", "own routes")]
    public async Task ABadOrReservedName_IsShownOnThePage_AndNothingIsStored(string name, string error)
    {
        using var owner = await OwnerBrowser.ConnectAsync(fixture, 9502, "Bad names");

        using var refused = await owner.PostAsync("/topics", "/topics", ("Name", name));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(error, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await fixture.LongAsync("SELECT COUNT(*) FROM topics WHERE Name = @name", ("@name", name)));
    }

    [Fact]
    public async Task ATopicOfAnotherAccount_CannotBeTakenOver()
    {
        using var first = await OwnerBrowser.ConnectAsync(fixture, 9503, "First owner");
        using var second = await OwnerBrowser.ConnectAsync(fixture, 9504, "Second owner");
        using var taken = await first.PostAsync("/topics", "/topics", ("Name", "shared-name"));
        Assert.Equal("/topics?done=saved", OwnerBrowser.Target(taken));

        using var refused = await second.PostAsync("/topics", "/topics", ("Name", "shared-name"), ("GitHubSecret", Secret));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("another account", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(await fixture.LongAsync("SELECT Id FROM accounts WHERE KakaoUserId = 9503"),
            await fixture.LongAsync("SELECT AccountId FROM topics WHERE Name = 'shared-name'"));
        Assert.Equal(0, await fixture.LongAsync("SELECT COUNT(*) FROM topics WHERE Name = 'shared-name' AND GitHubSecretCipher IS NOT NULL"));
    }

    [Fact]
    public async Task RemovingATopic_NeedsTheFormsToken_AndThenRemovesIt()
    {
        using var owner = await OwnerBrowser.ConnectAsync(fixture, 9505, "Remover");
        using var saved = await owner.PostAsync("/topics", "/topics", ("Name", "to-remove"));
        Assert.Equal("/topics?done=saved", OwnerBrowser.Target(saved));

        using var forged = await owner.PostAsync("/topics/to-remove/delete", null);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(1, await fixture.LongAsync("SELECT COUNT(*) FROM topics WHERE Name = 'to-remove'"));

        using var removed = await owner.PostAsync("/topics/to-remove/delete", "/topics");
        Assert.Equal("/topics?done=deleted", OwnerBrowser.Target(removed));
        Assert.Equal(0, await fixture.LongAsync("SELECT COUNT(*) FROM topics WHERE Name = 'to-remove'"));
    }
}

public sealed class TopicsPageTestsOnMariaDb(TopicsPageFixture fixture) : TopicsPageTests<TopicsPageFixture>(fixture);

public sealed class TopicsPageTestsOnSqlite(TopicsPageFixtureOnSqlite fixture) : TopicsPageTests<TopicsPageFixtureOnSqlite>(fixture);
