using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Notifier.Api.Tests.OwnerPages;
using Notifier.Api.Tests.Support;

namespace Notifier.Api.Tests.Limits;

/// <summary>The schedule and queue limits as callers meet them: problem details naming the rule, nothing stored.</summary>
public sealed class LimitsApiTests(LimitsFixture fixture) : IClassFixture<LimitsFixture>
{
    [Fact]
    public async Task PostMessage_OverTheQueueCap_Is429WithRetryAfterAndAProblem_AndStoresNothing()
    {
        var accountId = await fixture.ConnectAccountAsync(7101, "Busy");
        using var api = new ApiClient(fixture);
        for (var i = 0; i < LimitsFixture.MaxQueued; i++)
        {
            await api.SendAcceptedAsync(new { accountId, text = $"waiting {i}" });
        }

        using var http = Client();
        using var response = await http.PostAsync(new Uri("/api/messages", UriKind.Relative),
            JsonContent.Create(new { accountId, text = "one too many" }));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(60), response.Headers.RetryAfter?.Delta);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal("Dispatch:MaxQueuedPerAccount", problem.GetProperty("limit").GetString());
        Assert.Equal(LimitsFixture.MaxQueued, problem.GetProperty("max").GetInt32());
        Assert.Contains("Dispatch:MaxQueuedPerAccount", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(LimitsFixture.MaxQueued, await fixture.DeliveryCountAsync(accountId));
    }

    [Fact]
    public async Task PostMessage_OnceAWaitingMessageIsSent_IsAcceptedAgain()
    {
        var accountId = await fixture.ConnectAccountAsync(7102, "Drained");
        using var api = new ApiClient(fixture);
        var first = await api.SendAcceptedAsync(new { accountId, text = "first" });
        for (var i = 1; i < LimitsFixture.MaxQueued; i++)
        {
            await api.SendAcceptedAsync(new { accountId, text = $"waiting {i}" });
        }

        (await api.PostMessageAsync(new { accountId, text = "refused" })).AssertProblem(HttpStatusCode.TooManyRequests);
        await fixture.LongAsync("UPDATE deliveries SET Status = 'sent' WHERE Id = @id", ("@id", first));

        await api.SendAcceptedAsync(new { accountId, text = "room again" });
    }

    [Fact]
    public async Task CreateSchedule_OverMaxPerAccount_Is409NamingTheRule_AndStoresNothing()
    {
        var accountId = await fixture.ConnectAccountAsync(7103, "Planner");
        using var http = Client();
        for (var i = 0; i < LimitsFixture.MaxSchedules; i++)
        {
            using var created = await PostScheduleAsync(http, accountId, "0 0 9 * * ?", $"schedule {i}");
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using var response = await PostScheduleAsync(http, accountId, "0 0 9 * * ?", "one too many");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Schedules:MaxPerAccount", problem.GetProperty("limit").GetString());
        Assert.Contains("Schedules:MaxPerAccount", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(LimitsFixture.MaxSchedules, await fixture.LongAsync("SELECT COUNT(*) FROM schedules WHERE AccountId = @a", ("@a", accountId)));
    }

    [Theory]
    [InlineData("* * * * * ?")]
    [InlineData("0/30 * * * * ?")]
    [InlineData("0,10 0 8 * * ?")] // twice a day, ten seconds apart
    public async Task CreateSchedule_FiringMoreOftenThanTheMinimum_Is400NamingTheRule(string cron)
    {
        var accountId = await fixture.ConnectAccountAsync(7104, "Eager");
        using var http = Client();

        using var response = await PostScheduleAsync(http, accountId, cron, "too eager");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var error = problem.GetProperty("errors").GetProperty("cron")[0].GetString();
        Assert.Contains("Schedules:MinimumIntervalSeconds", error, StringComparison.Ordinal);
        Assert.Equal(0, await fixture.LongAsync("SELECT COUNT(*) FROM schedules WHERE AccountId = @a", ("@a", accountId)));
    }

    [Fact]
    public async Task CreateSchedule_EveryMinute_IsAccepted()
    {
        var accountId = await fixture.ConnectAccountAsync(7105, "Minutely");
        using var http = Client();

        using var response = await PostScheduleAsync(http, accountId, "0 0/1 * * * ?", "every minute");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task ScheduleForm_TooOften_ShowsTheRuleAndKeepsWhatWasTyped()
    {
        using var owner = await OwnerBrowser.ConnectAsync(fixture, 7106, "Form Eager");

        using var response = await owner.PostAsync("/schedules", "/schedules",
            ("Name", "Every second"), ("Cron", "* * * * * ?"), ("TimeZone", "Asia/Seoul"), ("Kind", "text"), ("Text", "kept words"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("value=\"Every second\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"* * * * * ?\"", html, StringComparison.Ordinal);
        Assert.Contains("kept words", html, StringComparison.Ordinal);
        Assert.Contains("at most once every 60 s (Schedules:MinimumIntervalSeconds)", html, StringComparison.Ordinal);
        Assert.Equal(0, await fixture.LongAsync("SELECT COUNT(*) FROM schedules WHERE Name = 'Every second'"));
    }

    [Fact]
    public async Task ScheduleForm_OverMaxPerAccount_ShowsTheRuleAndKeepsWhatWasTyped()
    {
        using var owner = await OwnerBrowser.ConnectAsync(fixture, 7107, "Form Planner");
        for (var i = 0; i < LimitsFixture.MaxSchedules; i++)
        {
            using var created = await owner.PostAsync("/schedules", "/schedules",
                ("Name", $"Planned {i}"), ("Cron", "0 0 9 * * ?"), ("TimeZone", "Asia/Seoul"), ("Kind", "text"), ("Text", "planned"));
            Assert.StartsWith("/schedules?done=created", OwnerBrowser.Target(created), StringComparison.Ordinal);
        }

        using var response = await owner.PostAsync("/schedules", "/schedules",
            ("Name", "One more"), ("Cron", "0 0 10 * * ?"), ("TimeZone", "Asia/Seoul"), ("Kind", "text"), ("Text", "kept too"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("value=\"One more\"", html, StringComparison.Ordinal);
        Assert.Contains("kept too", html, StringComparison.Ordinal);
        Assert.Contains("Schedules:MaxPerAccount", html, StringComparison.Ordinal);
        Assert.Equal(0, await fixture.LongAsync("SELECT COUNT(*) FROM schedules WHERE Name = 'One more'"));
    }

    [Fact]
    public async Task SendPage_OverTheQueueCap_SaysWhyReadably_AndStoresNothing()
    {
        using var owner = await OwnerBrowser.ConnectAsync(fixture, 7108, "Page Busy");
        var accountId = await fixture.LongAsync("SELECT Id FROM accounts WHERE KakaoUserId = 7108");
        for (var i = 0; i < LimitsFixture.MaxQueued; i++)
        {
            using var sent = await owner.PostAsync("/send", "/send", ("Title", $"card {i}"));
            Assert.StartsWith("/deliveries?done=queued", OwnerBrowser.Target(sent), StringComparison.Ordinal);
        }

        using var response = await owner.PostAsync("/send", "/send", ("Title", "one too many"));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Contains("messages waiting to be sent", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(LimitsFixture.MaxQueued, await fixture.DeliveryCountAsync(accountId));
    }

    private HttpClient Client()
    {
        var http = fixture.Factory.CreateClient();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", NotifierApiFactory.ApiKey);
        return http;
    }

    private static Task<HttpResponseMessage> PostScheduleAsync(HttpClient http, long accountId, string cron, string name)
    {
        var body = new JsonObject { ["accountId"] = accountId, ["name"] = name, ["cron"] = cron, ["message"] = new JsonObject { ["text"] = "hello" } };
        return http.PostAsync(new Uri("/api/schedules", UriKind.Relative), new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
    }
}
