using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using static Notifier.Api.Tests.Schedules.ScheduleRequests;

namespace Notifier.Api.Tests.Schedules;

/// <summary>
/// <c>POST /api/schedules</c> with an <c>Idempotency-Key</c>: a creation sent again (after a timeout or a 503) answers
/// the schedule the first one made instead of making a second; the same key for another schedule is refused.
/// </summary>
public abstract class ScheduleIdempotencyTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : SchedulesFixture
{
    [Fact]
    public async Task TheSameCreationSentThreeTimes_WithOneKey_MakesOneSchedule_AndEachAnswerIsIt()
    {
        var key = $"create-{Guid.NewGuid():N}";
        var body = Body(name: $"Once {key}");

        var answers = new List<(HttpStatusCode Status, string? Location, JsonElement View)>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await PostAsync(body, key);
            answers.Add((response.StatusCode, response.Headers.Location?.OriginalString, await response.Content.ReadFromJsonAsync<JsonElement>()));
        }

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.Status));
        var id = Id(answers[0].View);
        Assert.All(answers, a => Assert.Equal((id, $"/api/schedules/{id}"), (Id(a.View), a.Location)));
        Assert.Equal(1, await fixture.CountAsync("SELECT COUNT(*) FROM schedules WHERE Name = @name", ("@name", $"Once {key}")));
    }

    [Fact]
    public async Task TheSameKey_ForAnotherSchedule_Is422_AndStoresNothing()
    {
        var key = $"reuse-{Guid.NewGuid():N}";
        using (var first = await PostAsync(Body(name: $"First {key}"), key))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        }

        using var second = await PostAsync(Body(name: $"Second {key}"), key);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);
        var problem = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("The Idempotency-Key was used for another schedule", problem.GetProperty("title").GetString());
        Assert.Equal(0, await fixture.CountAsync("SELECT COUNT(*) FROM schedules WHERE Name = @name", ("@name", $"Second {key}")));
    }

    [Fact]
    public async Task WithoutAKey_EachCreationMakesOne_AndADeletedSchedulesKeyCreatesAnew()
    {
        var name = $"Twice {Guid.NewGuid():N}";
        await CreateAsync(fixture.Api, Body(name: name));
        await CreateAsync(fixture.Api, Body(name: name));
        Assert.Equal(2, await fixture.CountAsync("SELECT COUNT(*) FROM schedules WHERE Name = @name", ("@name", name)));

        var key = $"again-{Guid.NewGuid():N}";
        var body = Body(name: $"Again {key}");
        long first;
        using (var created = await PostAsync(body, key))
        {
            first = Id(await JsonAsync(created));
        }

        using (var deleted = await fixture.Api.DeleteAsync(new Uri($"/api/schedules/{first}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        using var again = await PostAsync(body, key);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.NotEqual(first, Id(await JsonAsync(again)));
        // The deleted schedule's key went with it; the new one's is stored.
        Assert.Equal(1, await fixture.CountAsync(
            "SELECT COUNT(*) FROM schedule_creation_keys WHERE ScheduleId IN (SELECT Id FROM schedules WHERE Name = @name)", ("@name", $"Again {key}")));
    }

    private Task<HttpResponseMessage> PostAsync(JsonNode body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/schedules", UriKind.Relative))
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", key);
        return fixture.Api.SendAsync(request);
    }

    private static long Id(JsonElement view) => view.GetProperty("id").GetInt64();
}

public sealed class ScheduleIdempotencyTestsOnMariaDb(SchedulesFixture fixture) : ScheduleIdempotencyTests<SchedulesFixture>(fixture);

public sealed class ScheduleIdempotencyTestsOnSqlite(SchedulesFixtureOnSqlite fixture) : ScheduleIdempotencyTests<SchedulesFixtureOnSqlite>(fixture);
