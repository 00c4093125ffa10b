using System.Diagnostics;
using System.Net;
using Notifier.Api.Hosting;
using Notifier.Api.Tests.OwnerPages;
using Notifier.Api.Tests.Support;
using Notifier.Core.Data;
using Notifier.Testing;
using Notifier.Testing.Database;
using Xunit.Abstractions;

namespace Notifier.Api.Tests.Faults;

/// <summary>An Api host on a MariaDB server of its own, which the tests stop and start.</summary>
public sealed class DatabaseOutageFixture : MessagingFixture
{
    public OwnMariaDbServer Server => ((MariaDbOnOwnServer)Database).Server;

    /// <summary>Short, so the reads below wait seconds; long enough that a loaded machine answers everything else in time.</summary>
    public const int RequestTimeoutSeconds = 6;

    protected override ITestDatabase CreateDatabase() => new MariaDbOnOwnServer();

    protected override void Configure(IDictionary<string, string?> settings) =>
        settings["Api:RequestTimeoutSeconds"] = RequestTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>MariaDB down under the Api: what a client posting or reading is told, and that the Api recovers by itself.</summary>
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
    public async Task ReadsWhileMariaDbIsDown_Are503WithinTheDeadline_AsAProblemOrAPage_AndAnswerOnceItIsBack()
    {
        var accountId = await fixture.ConnectAccountAsync(9402);
        using var owner = await OwnerBrowser.ConnectAsync(fixture, 9403, "Outage Owner");
        using var api = new ApiClient(fixture);
        var sent = await api.SendAcceptedAsync(new { accountId, text = "read me" });

        await fixture.Server.DownAsync();
        try
        {
            // Readiness says so within its own check's timeout; liveness is not the database's to decide.
            var (ready, readyTook) = await TimedAsync("ready", () => api.GetAsync("/health/ready"), a => $"{(int)a.Status} {a.Body}");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.Status);
            Assert.True(readyTook < DatabasePing.Timeout + TimeSpan.FromSeconds(2), $"/health/ready took {readyTook}");
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/health/live")).Status);

            // A read waits out the deadline, not EF's minute of retries (57 s before), and is told when to come back.
            var (message, messageTook) = await TimedAsync("message", () => api.GetAsync($"/api/messages/{sent}"), a => $"{(int)a.Status} {a.Body}");
            message.AssertProblemDetail(HttpStatusCode.ServiceUnavailable, "could not answer in time");
            Assert.Equal(TimeSpan.FromSeconds(RequestDeadline.RetryAfterSeconds), message.RetryAfter);
            Assert.True(messageTook < Deadline + TimeSpan.FromSeconds(5), $"GET /api/messages/{sent} took {messageTook}");

            // The owner's page reads as a page.
            var (page, pageTook) = await TimedAsync("page", () => owner.GetAsync("/deliveries"), p => $"{(int)p.Status}");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.Status);
            Assert.Contains("Not available just now", page.Html, StringComparison.Ordinal);
            Assert.True(pageTook < Deadline + TimeSpan.FromSeconds(5), $"/deliveries took {pageTook}");
        }
        finally
        {
            await fixture.Server.UpAsync();
        }

        await Eventually.MatchAsync(() => api.GetAsync($"/api/messages/{sent}"), a => a.Status == HttpStatusCode.OK,
            "the message to be readable once MariaDB is back", TimeSpan.FromSeconds(60));
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/health/ready")).Status);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/deliveries")).Status);
    }

    private static TimeSpan Deadline => TimeSpan.FromSeconds(DatabaseOutageFixture.RequestTimeoutSeconds);

    private async Task<(T Answer, TimeSpan Took)> TimedAsync<T>(string what, Func<Task<T>> call, Func<T, string> describe)
    {
        var took = Stopwatch.StartNew();
        var answer = await call();
        output.WriteLine($"{what}: {describe(answer)} in {took.Elapsed.TotalSeconds:0.00} s");
        return (answer, took.Elapsed);
    }

    private async Task<string[]> StoredTextsAsync(long accountId)
    {
        var texts = await fixture.Database.ScalarAsync(
            "SELECT GROUP_CONCAT(t ORDER BY t SEPARATOR '|') FROM (SELECT JSON_VALUE(TemplateJson, '$.text') AS t FROM deliveries WHERE AccountId = @account) AS stored",
            ("@account", accountId));
        return Assert.IsType<string>(texts).Split('|');
    }
}
