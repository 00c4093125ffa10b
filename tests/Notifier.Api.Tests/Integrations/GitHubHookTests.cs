using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Notifier.Api.Tests.Support;
using Notifier.Core.Data;
using Notifier.Core.Integrations;

namespace Notifier.Api.Tests.Integrations;

/// <summary>One account with the topic "repo" mapped to it and a GitHub webhook secret set on it.</summary>
public class GitHubHookFixture : IntegrationFixture
{
    public const string Secret = "github-webhook-secret-0123456789";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NotifierDbContext>();
        var secrets = scope.ServiceProvider.GetRequiredService<TopicSecrets>();
        db.Topics.Add(new TopicRoute { Name = "repo", AccountId = AccountId, GitHubSecretCipher = secrets.Protect(Secret), CreatedAt = DateTime.UtcNow });
        db.Topics.Add(new TopicRoute { Name = "no-secret", AccountId = AccountId, CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
    }
}

/// <summary>The same fixture on SQLite (the default provider); the tests below run on both.</summary>
public sealed class GitHubHookFixtureOnSqlite : GitHubHookFixture
{
    protected override Notifier.Testing.Database.ITestDatabase CreateDatabase() => OnSqlite();
}

/// <summary>GitHub's webhook: signed as GitHub signs it (HMAC-SHA256 of the body under the topic's secret).</summary>
public abstract class GitHubHookTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : GitHubHookFixture
{
    [Fact]
    public async Task Ping_IsAnsweredPong_AndSendsNothing()
    {
        var before = await fixture.DeliveryCountAsync();

        var answer = await PostAsync("ping", """{"zen":"Design for failure.","hook_id":1,"repository":{"full_name":"octo/app"}}""");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("pong", answer.Json.GetProperty("result").GetString());
        Assert.Equal(before, await fixture.DeliveryCountAsync());
    }

    [Fact]
    public async Task ACompletedWorkflowRun_IsACardWithItsConclusion()
    {
        var answer = await PostAsync("workflow_run", """
            {"action":"completed","repository":{"full_name":"octo/app","default_branch":"main"},
             "workflow_run":{"name":"CI","head_branch":"main","conclusion":"failure","display_title":"wf-marker fix the build",
                             "html_url":"https://ci.example.com/octo/app/actions/runs/42"}}
            """);

        Assert.Equal("queued", answer.Json.GetProperty("result").GetString());
        var memo = await fixture.MemoAsync("wf-marker");
        Assert.Equal("❌ CI · main", memo["content"]!["title"]!.GetValue<string>());
        Assert.Equal("octo/app: failure on main\nwf-marker fix the build", memo["content"]!["description"]!.GetValue<string>());
        Assert.Equal("https://ci.example.com/octo/app/actions/runs/42", memo["content"]!["link"]!["web_url"]!.GetValue<string>());
    }

    [Fact]
    public async Task AMergedPullRequest_AndAPublishedRelease_AndAnOpenedIssue_AreCards()
    {
        await PostAsync("pull_request", """
            {"action":"closed","repository":{"full_name":"octo/app"},
             "pull_request":{"number":7,"title":"pr-marker add login","merged":true,"user":{"login":"mona"},"body":"Adds it.","html_url":"https://example.com/octo/app/pull/7"}}
            """);
        await PostAsync("release", """
            {"action":"published","repository":{"full_name":"octo/app"},
             "release":{"name":"v1.2.0","tag_name":"v1.2.0","body":"release-marker notes","html_url":"https://example.com/octo/app/releases/v1.2.0"}}
            """);
        await PostAsync("issues", """
            {"action":"opened","repository":{"full_name":"octo/app"},
             "issue":{"number":12,"title":"issue-marker crash on start","user":{"login":"hubot"},"body":"Stack trace","html_url":"https://example.com/octo/app/issues/12"}}
            """);

        Assert.Equal("🔀 PR #7 merged: pr-marker add login", (await fixture.MemoAsync("pr-marker"))["content"]!["title"]!.GetValue<string>());
        Assert.Equal("🚀 octo/app v1.2.0", (await fixture.MemoAsync("release-marker"))["content"]!["title"]!.GetValue<string>());
        Assert.Equal("🐛 Issue #12 opened: issue-marker crash on start", (await fixture.MemoAsync("issue-marker"))["content"]!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task APushToTheDefaultBranch_IsACard_AndToAnotherBranchIsIgnored()
    {
        const string Push = """
            {"ref":"refs/heads/BRANCH","repository":{"full_name":"octo/app","default_branch":"main"},"pusher":{"name":"mona"},
             "compare":"https://example.com/octo/app/compare/a...b",
             "commits":[{"id":"0123456789abcdef","message":"push-marker-BRANCH first\n\nbody"},{"id":"fedcba9876543210","message":"second"}]}
            """;

        var other = await PostAsync("push", Push.Replace("BRANCH", "feature", StringComparison.Ordinal));
        var main = await PostAsync("push", Push.Replace("BRANCH", "main", StringComparison.Ordinal));

        Assert.Equal("ignored", other.Json.GetProperty("result").GetString());
        Assert.Equal("queued", main.Json.GetProperty("result").GetString());
        var memo = await fixture.MemoAsync("push-marker-main");
        Assert.Equal("⬆️ octo/app · 2 commits to main", memo["content"]!["title"]!.GetValue<string>());
        Assert.Equal("mona\n• 0123456 push-marker-main first\n• fedcba9 second", memo["content"]!["description"]!.GetValue<string>());
        Assert.Empty(fixture.Matching("push-marker-feature"));
    }

    [Fact]
    public async Task AnotherEvent_Is200_AndSendsNothing()
    {
        var before = await fixture.DeliveryCountAsync();

        var answer = await PostAsync("star", """{"action":"created","repository":{"full_name":"octo/app"}}""");

        Assert.Equal("ignored", answer.Json.GetProperty("result").GetString());
        Assert.Equal(before, await fixture.DeliveryCountAsync());
    }

    [Theory]
    [InlineData("sha256=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("")]
    [InlineData(null)]
    public async Task ABadSignature_Is401_AndStoresNothing(string? signature)
    {
        var before = await fixture.DeliveryCountAsync();
        var body = """{"action":"opened","repository":{"full_name":"octo/app"},"issue":{"number":1,"title":"forged","html_url":"https://example.com/1"}}""";

        var answer = await PostAsync("issues", body, signature ?? "omit");

        answer.AssertProblem(HttpStatusCode.Unauthorized);
        Assert.Equal(before, await fixture.DeliveryCountAsync());
    }

    [Fact]
    public async Task ATopicWithoutASecret_Is404SayingWhereToSetOne()
    {
        var answer = await PostAsync("ping", "{}", topic: "no-secret");

        answer.AssertProblemDetail(HttpStatusCode.NotFound, "/topics");
    }

    [Fact]
    public async Task AMalformedPayload_Is400_AndStoresNothing()
    {
        var before = await fixture.DeliveryCountAsync();

        var answer = await PostAsync("issues", "{\"action\":\"opened\",");

        answer.AssertProblemDetail(HttpStatusCode.BadRequest, "GitHub");
        Assert.Equal(before, await fixture.DeliveryCountAsync());
    }

    /// <summary>Posts as GitHub does: the event header, and the signature of exactly these bytes (or the one given; "omit" sends none).</summary>
    private async Task<ApiAnswer> PostAsync(string gitHubEvent, string body, string? signature = null, string topic = "repo")
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var request = new HttpRequestMessage(HttpMethod.Post, $"/hooks/github/{topic}") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-GitHub-Event", gitHubEvent);
        request.Headers.Add("X-GitHub-Delivery", Guid.NewGuid().ToString());
        var computed = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(GitHubHookFixture.Secret), bytes));
        if (signature != "omit")
        {
            request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", signature ?? computed);
        }

        using var api = new ApiClient(fixture, authorization: null);
        return await api.SendAsync(request);
    }
}

public sealed class GitHubHookTestsOnMariaDb(GitHubHookFixture fixture) : GitHubHookTests<GitHubHookFixture>(fixture);

public sealed class GitHubHookTestsOnSqlite(GitHubHookFixtureOnSqlite fixture) : GitHubHookTests<GitHubHookFixtureOnSqlite>(fixture);
