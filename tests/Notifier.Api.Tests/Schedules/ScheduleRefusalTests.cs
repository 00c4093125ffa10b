using System.Net;
using System.Text.Json;
using static Notifier.Api.Tests.Schedules.ScheduleRequests;

namespace Notifier.Api.Tests.Schedules;

/// <summary>Changes the API refuses on an existing schedule or account, and ids it does not know.</summary>
public sealed class ScheduleRefusalTests(SchedulesFixture fixture) : IClassFixture<SchedulesFixture>
{
    [Fact]
    public async Task Replace_WithABadCron_Is400_AndLeavesTheScheduleAsItWas()
    {
        var id = Id(await CreateAsync(fixture.Api, Body(cron: "0 0 7 * * ?")));

        using var response = await PutAsync(fixture.Api, id, Body(cron: "0 0 25 * * ?"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await JsonAsync(response)).GetProperty("errors").TryGetProperty("cron", out _));
        Assert.Equal("0 0 7 * * ?", (await GetAsync($"/api/schedules/{id}")).GetProperty("cron").GetString());
    }

    [Fact]
    public async Task Replace_MovingToAnotherAccount_Is400NamingAccountId()
    {
        var id = Id(await CreateAsync(fixture.Api, Body()));
        var body = Body();
        body["accountId"] = fixture.AccountId + 1000;

        using var response = await PutAsync(fixture.Api, id, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await JsonAsync(response)).GetProperty("errors").TryGetProperty("accountId", out _));
    }

    [Fact]
    public async Task Create_ForAnAccountThatDoesNotExist_Is400_AndStoresNothing()
    {
        var before = await fixture.CountAsync("SELECT COUNT(*) FROM schedules");
        var body = Body();
        body["accountId"] = fixture.AccountId + 1000;

        using var response = await PostAsync(fixture.Api, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"no account {fixture.AccountId + 1000}", (await JsonAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await fixture.CountAsync("SELECT COUNT(*) FROM schedules"));
    }

    [Theory]
    [InlineData("GET", "/api/schedules/987654321")]
    [InlineData("PUT", "/api/schedules/987654321")]
    [InlineData("DELETE", "/api/schedules/987654321")]
    [InlineData("POST", "/api/schedules/987654321/trigger")]
    public async Task UnknownSchedule_Is404Problem(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "PUT")
        {
            request.Content = new StringContent(Body().ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await fixture.Api.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await JsonAsync(response);
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Contains("987654321", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static long Id(JsonElement view) => view.GetProperty("id").GetInt64();

    private async Task<JsonElement> GetAsync(string path) =>
        JsonDocument.Parse(await fixture.Api.GetStringAsync(new Uri(path, UriKind.Relative))).RootElement;
}
