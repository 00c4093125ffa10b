using System.Net;
using static Notifier.Api.Tests.Schedules.ScheduleRequests;

namespace Notifier.Api.Tests.Schedules;

/// <summary>Bodies refused before any field is looked at (unknown fields, wrong types, bad JSON) and requests without the key.</summary>
public sealed class ScheduleBodyTests(SchedulesFixture fixture) : IClassFixture<SchedulesFixture>
{
    [Theory]
    [InlineData("""{ "name": "n", "cron": "0 0 9 * * ?", "message": { "text": "hi" }, "colour": "red" }""", "'$.colour'")]
    [InlineData("""{ "name": "n", "cron": "0 0 9 * * ?", "message": { "text": "hi", "bold": true } }""", "'$.message.bold'")]
    [InlineData("""{ "name": "n", "cron": "0 0 9 * * ?", "message": { "text": "hi" }, "enabled": "yes" }""", "'$.enabled'")]
    [InlineData("""{ "name": "n", "cron": 5, "message": { "text": "hi" } }""", "'$.cron'")]
    [InlineData("""{ "name": "n", "cron": "0 0 9 * * ?", "message": { "text": "hi" }, }""", "not valid JSON")]
    public async Task Create_WithAFieldItDoesNotKnowOrTheWrongType_Is400SayingWhere(string json, string saying)
    {
        using var response = await PostAsync(fixture.Api, json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(saying, (await JsonAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await fixture.CountAsync("SELECT COUNT(*) FROM schedules"));
    }

    [Fact]
    public async Task Create_WithoutTheApiKey_Is401AndStoresNothing()
    {
        using var client = fixture.Factory.CreateClient();

        using var response = await PostAsync(client, Body());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await fixture.CountAsync("SELECT COUNT(*) FROM schedules"));
    }
}
