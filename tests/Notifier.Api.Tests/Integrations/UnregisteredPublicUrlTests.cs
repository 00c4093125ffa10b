using System.Net;
using Notifier.Api.Tests.Support;

namespace Notifier.Api.Tests.Integrations;

/// <summary>Notifier's own address is not a site domain of the Kakao app: it can host no page or redirect.</summary>
public class UnregisteredPublicUrlFixture : IntegrationFixture
{
    protected override void Configure(IDictionary<string, string?> settings) => settings["Notifier:PublicUrl"] = "https://notifier.internal.test";
}

/// <summary>The same fixture on SQLite (the default provider); the tests below run on both.</summary>
public sealed class UnregisteredPublicUrlFixtureOnSqlite : UnregisteredPublicUrlFixture
{
    protected override Notifier.Testing.Database.ITestDatabase CreateDatabase() => OnSqlite();
}

public abstract class UnregisteredPublicUrlTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : UnregisteredPublicUrlFixture
{
    [Fact]
    public async Task AForeignLinkIsDropped_TheMessageKept_AndALongTextCutWithoutAButton()
    {
        using var client = fixture.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/dropped")
        {
            Content = new StringContent("dropped-marker " + string.Join(' ', Enumerable.Repeat("lorem", 60))),
        };
        request.Headers.Add("Click", "https://elsewhere.org/page");
        request.Headers.Add("Title", "Kept");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var memo = await fixture.MemoAsync("dropped-marker");
        Assert.Null(memo["buttons"]);
        Assert.DoesNotContain("elsewhere.org", memo.ToJsonString(), StringComparison.Ordinal);
        Assert.EndsWith("…", memo["content"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, await fixture.LongAsync("SELECT COUNT(*) FROM message_pages"));
        Assert.Equal(0, await fixture.LongAsync("SELECT COUNT(*) FROM link_redirects"));
    }
}

public sealed class UnregisteredPublicUrlTestsOnMariaDb(UnregisteredPublicUrlFixture fixture) : UnregisteredPublicUrlTests<UnregisteredPublicUrlFixture>(fixture);

public sealed class UnregisteredPublicUrlTestsOnSqlite(UnregisteredPublicUrlFixtureOnSqlite fixture) : UnregisteredPublicUrlTests<UnregisteredPublicUrlFixtureOnSqlite>(fixture);
