using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using static Notifier.Api.Tests.Schedules.ScheduleRequests;

namespace Notifier.Api.Tests.Schedules;

/// <summary>Every refused schedule is a 400 naming what is wrong, and nothing is stored. No test here creates one.</summary>
public sealed class ScheduleValidationTests(SchedulesFixture fixture) : IClassFixture<SchedulesFixture>
{
    [Theory]
    [InlineData("not a cron")]
    [InlineData("a b c d e f")]
    [InlineData("8 *")]
    [InlineData("0 30 8 * * ? 2030 extra")]
    [InlineData("0 61 8 * * ?")]
    [InlineData("0 30 25 * * ?")]
    [InlineData("0 30 8 32 * ?")]
    [InlineData("0 30 8 ? 13 *")]
    [InlineData("0 30 8 ? * 8")]
    [InlineData("61 8 * * *")]
    [InlineData("30 8 * * 8")]
    [InlineData("*/0 * * * *")]
    [InlineData("0 0 12 * JAN-DEC/0 ?")]
    [InlineData("0 0 0 31 2 ?")]
    [InlineData("0 0 0 * * ? 2020")]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Create_WithABadCron_Is400NamingCron(string cron)
    {
        using var response = await PostAsync(fixture.Api, Body(cron: cron));

        await AssertRefusedAsync(response, "cron");
    }

    [Fact]
    public async Task Create_WithoutCron_Is400NamingCron()
    {
        var body = Body();
        body.Remove("cron");

        using var response = await PostAsync(fixture.Api, body);

        await AssertRefusedAsync(response, "cron");
    }

    [Theory]
    [InlineData("KST")]
    [InlineData("Korea Standard Time")]
    [InlineData("+09:00")]
    [InlineData("UTC+9")]
    [InlineData("Asia/Busan")]
    [InlineData("asia/seoul")]
    [InlineData("Asia")]
    [InlineData("../../etc/passwd")]
    public async Task Create_WithANonIanaZone_Is400NamingTimeZone(string zone)
    {
        using var response = await PostAsync(fixture.Api, Body(timeZone: zone));

        var errors = await AssertRefusedAsync(response, "timeZone");
        Assert.DoesNotContain("cron", errors);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Create_WithoutAName_Is400NamingName(string? name)
    {
        var body = Body();
        body["name"] = name;

        using var response = await PostAsync(fixture.Api, body);

        await AssertRefusedAsync(response, "name");
    }

    [Fact]
    public async Task Create_WithANameOver100Characters_Is400NamingName()
    {
        using var response = await PostAsync(fixture.Api, Body(name: new string('n', 101)));

        var errors = await AssertRefusedAsync(response, "name");
        Assert.Contains("101", errors["name"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "text": "TEXT201" }""", "message.text")]
    [InlineData("""{ "text": "  " }""", "message.text")]
    [InlineData("""{ "text": "hi", "link": "https://elsewhere.example/x" }""", "message.link")]
    [InlineData("""{ "card": { "description": "no title" } }""", "message.card.title")]
    [InlineData("""{ "text": "hi", "card": { "title": "both" } }""", "message")]
    [InlineData("""{ }""", "message")]
    [InlineData("null", "message")]
    public async Task Create_WithABadMessage_Is400NamingTheMessageField(string message, string key)
    {
        var body = Body();
        body["message"] = JsonNode.Parse(message.Replace("TEXT201", new string('가', 201), StringComparison.Ordinal));

        using var response = await PostAsync(fixture.Api, body);

        await AssertRefusedAsync(response, key);
    }

    [Fact]
    public async Task Create_WithSeveralProblems_NamesEachOfThem()
    {
        var body = Body(cron: "0 61 8 * * ?", timeZone: "Mars/Olympus", name: "");
        body["message"] = new JsonObject { ["text"] = new string('x', 201) };

        using var response = await PostAsync(fixture.Api, body);

        var errors = await AssertRefusedAsync(response, "cron");
        Assert.Equal(["cron", "message.text", "name", "timeZone"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    /// <summary>Asserts a 400 validation problem with an error under <paramref name="key"/> and an empty schedules table.</summary>
    private async Task<JsonObject> AssertRefusedAsync(HttpResponseMessage response, string key)
    {
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = body["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(key), $"no error under '{key}': {errors.ToJsonString()}");
        Assert.Contains(errors[key]!.AsArray(), e => e!.GetValue<string>().Length > 0);
        Assert.Equal(0, await fixture.CountAsync("SELECT COUNT(*) FROM schedules"));
        return errors;
    }
}
