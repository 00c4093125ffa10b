using System.Net;
using Notifier.Api.Tests.Support;

namespace Notifier.Api.Tests.Integrations;

/// <summary>Two accounts: an operator key's message goes where its topic is mapped, or is refused saying how to map it.</summary>
public class TopicRoutingFixture : MessagingFixture
{
    public long First { get; private set; }

    public long Second { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        First = await this.ConnectAccountAsync(9201, "First");
        Second = await this.ConnectAccountAsync(9202, "Second");
    }

    // Api:Topics maps "configured" to the second account (ids are 1 and 2 in a fresh database).
    protected override void Configure(IDictionary<string, string?> settings) => settings["Api:Topics:configured"] = "2";
}

/// <summary>The same fixture on SQLite (the default provider); the tests below run on both.</summary>
public sealed class TopicRoutingFixtureOnSqlite : TopicRoutingFixture
{
    protected override Notifier.Testing.Database.ITestDatabase CreateDatabase() => OnSqlite();
}

public abstract class TopicRoutingTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : TopicRoutingFixture
{
    [Fact]
    public async Task AnUnmappedTopic_WithSeveralAccounts_Is400SayingHowToMapIt()
    {
        var before = await fixture.DeliveryCountAsync();
        using var api = new ApiClient(fixture);

        var answer = await api.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/unmapped") { Content = new StringContent("to whom?") });

        var detail = answer.AssertProblem(HttpStatusCode.BadRequest).GetProperty("detail").GetString()!;
        Assert.Contains("/topics", detail, StringComparison.Ordinal);
        Assert.Contains("Api:Topics:unmapped", detail, StringComparison.Ordinal);
        Assert.Equal(before, await fixture.DeliveryCountAsync());
    }

    [Fact]
    public async Task ATopicMappedInSettings_GoesToThatAccount()
    {
        Assert.Equal(2, fixture.Second);
        using var api = new ApiClient(fixture);

        var answer = await api.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/configured") { Content = new StringContent("to the second") });

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var id = answer.Json.GetProperty("id").GetString();
        Assert.Equal(fixture.Second, await fixture.LongAsync("SELECT AccountId FROM deliveries WHERE Id = @id", ("@id", id)));
    }

    [Fact]
    public async Task ATopicMappedOnTheTopicsPage_GoesToThatAccount()
    {
        await fixture.Database.ScalarAsync(
            "INSERT INTO topics (Name, AccountId, CreatedAt) VALUES ('paged', @account, @now)", ("@account", fixture.First), ("@now", DateTime.UtcNow));
        using var api = new ApiClient(fixture);

        var answer = await api.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/paged") { Content = new StringContent("to the first") });

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var id = answer.Json.GetProperty("id").GetString();
        Assert.Equal(fixture.First, await fixture.LongAsync("SELECT AccountId FROM deliveries WHERE Id = @id", ("@id", id)));
    }
}

public sealed class TopicRoutingTestsOnMariaDb(TopicRoutingFixture fixture) : TopicRoutingTests<TopicRoutingFixture>(fixture);

public sealed class TopicRoutingTestsOnSqlite(TopicRoutingFixtureOnSqlite fixture) : TopicRoutingTests<TopicRoutingFixtureOnSqlite>(fixture);
