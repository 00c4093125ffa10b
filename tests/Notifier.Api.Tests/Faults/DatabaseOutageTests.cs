using System.Diagnostics;
using System.Net;
using Notifier.Api.Tests.Support;
using Notifier.Testing;
using Notifier.Testing.Database;
using Xunit.Abstractions;

namespace Notifier.Api.Tests.Faults;

/// <summary>An Api host on a MariaDB server of its own, which the tests stop and start.</summary>
public sealed class DatabaseOutageFixture : MessagingFixture
{
    public OwnMariaDbServer Server => ((MariaDbOnOwnServer)Database).Server;

    protected override ITestDatabase CreateDatabase() => new MariaDbOnOwnServer();
}

/// <summary>MariaDB down under the Api: what a client posting a message is told, and that the Api recovers by itself.</summary>
public sealed class DatabaseOutageTests(DatabaseOutageFixture fixture, ITestOutputHelper output) : IClassFixture<DatabaseOutageFixture>
{
    [Fact]
    public async Task PostsWhileMariaDbIsDown_AreRefusedPromptly_StoreNothing_AndAreAcceptedOnceItIsBack()
    {
        var accountId = await fixture.ConnectAccountAsync(9401);
        using var api = new ApiClient(fixture);
        await api.SendAcceptedAsync(new { accountId, text = "before" });
        var key = MessageRequests.NewKey();

        await fixture.Server.DownAsync();
        var answers = new List<(string What, ApiAnswer Answer, TimeSpan Took)>();
        try
        {
            foreach (var (what, post) in new (string, Func<Task<ApiAnswer>>)[]
            {
                ("plain", () => api.PostMessageAsync(new { accountId, text = "during, plain" })),
                ("keyed", () => api.PostMessageAsync(new { accountId, text = "during, keyed" }, key)),
                ("only account", () => api.PostMessageAsync(new { text = "during, to the only account" })),
            })
            {
                var took = Stopwatch.StartNew();
                var answer = await post();
                answers.Add((what, answer, took.Elapsed));
                output.WriteLine($"{what}: {(int)answer.Status} in {took.Elapsed.TotalSeconds:0.00} s, retry after {answer.RetryAfter}: {answer.Body}");
            }
        }
        finally
        {
            await fixture.Server.UpAsync();
        }

        // Each was answered as a failure at once (before, the keyed one waited out the context's retries, over a
        // minute, and held every request queued behind it), and told to send again.
        Assert.All(answers, a =>
        {
            a.Answer.AssertProblemDetail(HttpStatusCode.InternalServerError, "Send it again");
            Assert.True(a.Took < TimeSpan.FromSeconds(10), $"{a.What} took {a.Took}");
        });

        var back = Stopwatch.StartNew();
        await Eventually.MatchAsync(() => api.PostMessageAsync(new { accountId, text = "after" }), a => a.Status == HttpStatusCode.Accepted,
            "a POST to be accepted once MariaDB is back", TimeSpan.FromSeconds(60));
        output.WriteLine($"accepted again {back.Elapsed.TotalSeconds:0.00} s after the server answered");
        MessageRequests.AssertAccepted(await api.PostMessageAsync(new { accountId, text = "during, keyed" }, key));

        // Nothing refused was stored; the keyed one is stored once, by its retry.
        Assert.Equal(["after", "before", "during, keyed"], await StoredTextsAsync(accountId));
    }


    [Fact]
    public async Task Probe_ReadsWhileDown()
    {
        var accountId = await fixture.ConnectAccountAsync(9402);
        using var api = new ApiClient(fixture);
        var sent = await api.SendAcceptedAsync(new { accountId, text = "probe" });
        await fixture.Server.DownAsync();
        try
        {
            foreach (var path in new[] { "/health/ready", "/health/live", $"/api/messages/{sent}", "/api/messages" })
            {
                var took = Stopwatch.StartNew();
                var answer = await api.GetAsync(path);
                output.WriteLine($"{path}: {(int)answer.Status} in {took.Elapsed.TotalSeconds:0.00} s: {answer.Body}");
            }
        }
        finally
        {
            await fixture.Server.UpAsync();
        }
        Assert.Fail("probe");
    }

    private async Task<string[]> StoredTextsAsync(long accountId)
    {
        var texts = await fixture.Database.ScalarAsync(
            "SELECT GROUP_CONCAT(t ORDER BY t SEPARATOR '|') FROM (SELECT JSON_VALUE(TemplateJson, '$.text') AS t FROM deliveries WHERE AccountId = @account) AS stored",
            ("@account", accountId));
        return Assert.IsType<string>(texts).Split('|');
    }
}
