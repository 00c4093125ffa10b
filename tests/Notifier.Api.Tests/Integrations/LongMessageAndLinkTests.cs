using System.Net;
using System.Text;
using Notifier.Core.Integrations;

namespace Notifier.Api.Tests.Integrations;

public class LongMessageFixture : IntegrationFixture;

/// <summary>The same fixture on SQLite (the default provider); the tests below run on both.</summary>
public sealed class LongMessageFixtureOnSqlite : LongMessageFixture
{
    protected override Notifier.Testing.Database.ITestDatabase CreateDatabase() => OnSqlite();
}

/// <summary>Kakao's 200 characters and registered domains, solved once for every integration.</summary>
public abstract class LongMessageAndLinkTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : LongMessageFixture
{
    private const string PublicUrl = "https://notifier.example.com";

    [Fact]
    public async Task ALongMessage_IsCutAtAWord_AndItsViewAllButtonOpensTheWholeMessageWithoutSignIn()
    {
        var words = string.Join(' ', Enumerable.Range(1, 80).Select(i => $"word{i}"));
        using var client = fixture.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/long-topic") { Content = new StringContent("long-marker " + words) };
        request.Headers.Add("Title", "Nightly report");
        request.Headers.Add("Tags", "report");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var memo = await fixture.MemoAsync("long-marker");
        var description = memo["content"]!["description"]!.GetValue<string>();
        Assert.True(description.Length <= 200, $"{description.Length} characters: {description}");
        Assert.EndsWith("…\n#report", description, StringComparison.Ordinal);
        var shown = description[..description.IndexOf('…', StringComparison.Ordinal)];
        Assert.Matches(@"word\d+$", shown);
        Assert.Contains(shown + " ", "long-marker " + words + " ", StringComparison.Ordinal); // cut between two words
        var button = Assert.Single(memo["buttons"]!.AsArray());
        Assert.Equal("전체 보기", button!["title"]!.GetValue<string>());
        var pageUrl = button["link"]!["web_url"]!.GetValue<string>();
        Assert.Matches(@"^https://notifier\.example\.com/m/[A-Za-z0-9_-]{43}$", pageUrl);
        Assert.Equal(pageUrl, memo["content"]!["link"]!["web_url"]!.GetValue<string>());

        using var anonymous = fixture.Client(authorization: null);
        using var page = await anonymous.GetAsync(new Uri(pageUrl).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Nightly report", html, StringComparison.Ordinal);
        Assert.Contains("word80", html, StringComparison.Ordinal);
        Assert.Contains("long-topic", html, StringComparison.Ordinal);
        Assert.Contains("#report", html, StringComparison.Ordinal);
        Assert.Contains("no-store", page.Headers.CacheControl?.ToString(), StringComparison.Ordinal);

        using var guessed = await anonymous.GetAsync("/m/" + IntegrationRenderer.NewToken());
        Assert.Equal(HttpStatusCode.NotFound, guessed.StatusCode);
    }

    [Fact]
    public async Task MarkdownOnTheWholeMessagePage_IsRenderedWithoutRawHtmlOrScriptLinks()
    {
        var markdown = "md-marker **bold text** and <script>alert(1)</script> <img src=x onerror=alert(2)> [click](javascript:alert(3)) "
            + string.Join(' ', Enumerable.Repeat("filler", 40)) + "\n\n- item one\n- item two";
        using var client = fixture.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/md-page") { Content = new StringContent(markdown) };
        request.Headers.Add("Markdown", "yes");
        request.Headers.Add("Title", "Markdown page");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var memo = await fixture.MemoAsync("md-marker");
        var pageUrl = memo["buttons"]!.AsArray().Single(b => b!["title"]!.GetValue<string>() == "전체 보기")!["link"]!["web_url"]!.GetValue<string>();
        using var anonymous = fixture.Client(authorization: null);
        var html = await anonymous.GetStringAsync(new Uri(pageUrl).PathAndQuery);
        Assert.Contains("<strong>bold text</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<li>item one</li>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALinkOnAnUnregisteredDomain_GoesThroughNotifiersRedirect()
    {
        using var client = fixture.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/foreign-link") { Content = new StringContent("redirect-marker") };
        request.Headers.Add("Click", "https://grafana.elsewhere.org/d/abc?from=now-1h");
        request.Headers.Add("Title", "Dashboard");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var memo = await fixture.MemoAsync("redirect-marker");
        var link = memo["content"]!["link"]!["web_url"]!.GetValue<string>();
        Assert.Matches(@"^https://notifier\.example\.com/r/[A-Za-z0-9_-]{43}$", link);
        Assert.Equal(link, memo["buttons"]![0]!["link"]!["web_url"]!.GetValue<string>());
        using var anonymous = fixture.Client(authorization: null);
        using var redirect = await anonymous.GetAsync(new Uri(link).PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Equal("https://grafana.elsewhere.org/d/abc?from=now-1h", redirect.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task TheWholeMessage_GoesWithItsDelivery()
    {
        using var client = fixture.Client();
        using var response = await client.PostAsync("/gone-topic", new StringContent("gone-marker " + new string('x', 10) + " " + string.Join(' ', Enumerable.Repeat("more", 60))));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var memo = await fixture.MemoAsync("gone-marker");
        var pageUrl = memo["buttons"]!.AsArray().Single(b => b!["title"]!.GetValue<string>() == "전체 보기")!["link"]!["web_url"]!.GetValue<string>();

        await fixture.Database.ScalarAsync("DELETE FROM deliveries WHERE Topic = 'gone-topic'");

        using var anonymous = fixture.Client(authorization: null);
        using var page = await anonymous.GetAsync(new Uri(pageUrl).PathAndQuery);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }
}

public sealed class LongMessageAndLinkTestsOnMariaDb(LongMessageFixture fixture) : LongMessageAndLinkTests<LongMessageFixture>(fixture);

public sealed class LongMessageAndLinkTestsOnSqlite(LongMessageFixtureOnSqlite fixture) : LongMessageAndLinkTests<LongMessageFixtureOnSqlite>(fixture);
