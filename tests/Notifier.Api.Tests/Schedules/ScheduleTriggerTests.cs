using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Notifier.Testing;
using Notifier.Testing.Database;
using static Notifier.Api.Tests.Schedules.ScheduleRequests;

namespace Notifier.Api.Tests.Schedules;

/// <summary><c>POST /api/schedules/{id}/trigger</c> with this host dispatching: the schedule's memo goes out now.</summary>
public abstract class ScheduleTriggerTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DispatchingSchedulesFixture
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Trigger_SendsTheSchedulesRenderedTemplate_AndTheLogShowsItUnderTheSchedule()
    {
        var text = $"Triggered {Guid.NewGuid():N}";
        var schedule = await CreateAsync(fixture.Api, Body(cron: "0 0 9 1 1 ?", text: text));
        var scheduleId = schedule.GetProperty("id").GetInt64();

        using var response = await fixture.Api.PostAsync(new Uri($"/api/schedules/{scheduleId}/trigger", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await JsonAsync(response);
        var deliveryId = accepted.GetProperty("id").GetInt64();
        Assert.Equal($"/api/messages/{deliveryId}", response.Headers.Location?.OriginalString);
        var memo = await Eventually.MatchAsync(
            () => fixture.Kakao.Memos.SingleOrDefault(m => m.Template["text"]?.GetValue<string>() == text),
            m => m is not null, "the triggered memo at Kakao", Deadline);
        Assert.Equal(SchedulesFixture.KakaoUserId, memo!.UserId);
        var template = JsonNode.Parse((string)(await fixture.Database.ScalarAsync(
            "SELECT TemplateJson FROM schedules WHERE Id = @id", ("@id", scheduleId)))!);
        Assert.True(JsonNode.DeepEquals(template, memo.Template), $"sent {memo.Template.ToJsonString()}, schedule has {template!.ToJsonString()}");
        Assert.Equal("text", memo.Template["object_type"]!.GetValue<string>());
        Assert.Equal("http://localhost:5080", memo.Template["link"]!["web_url"]!.GetValue<string>());

        var logged = await Eventually.MatchAsync(() => ListAsync(scheduleId), items => items.Count == 1 && items[0].GetProperty("status").GetString() == "sent", "the delivery to show as sent", Deadline);
        var entry = logged[0];
        Assert.Equal(deliveryId, entry.GetProperty("id").GetInt64());
        Assert.Equal(scheduleId, entry.GetProperty("scheduleId").GetInt64());
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("fireTime").ValueKind);
    }

    [Fact]
    public async Task TriggerTwice_SendsTwoMemos_AsTwoDeliveriesOfTheSchedule()
    {
        var text = $"Twice {Guid.NewGuid():N}";
        var scheduleId = (await CreateAsync(fixture.Api, Body(cron: "0 0 9 1 1 ?", text: text))).GetProperty("id").GetInt64();

        for (var i = 0; i < 2; i++)
        {
            using var response = await fixture.Api.PostAsync(new Uri($"/api/schedules/{scheduleId}/trigger", UriKind.Relative), null);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        await Eventually.MatchAsync(() => fixture.Kakao.Memos.Count(m => m.Template["text"]?.GetValue<string>() == text), n => n == 2, "two memos", Deadline);
        var logged = await Eventually.MatchAsync(() => ListAsync(scheduleId), items => items.All(i => i.GetProperty("status").GetString() == "sent"), "both deliveries sent", Deadline);
        Assert.Equal(2, logged.Select(i => i.GetProperty("id").GetInt64()).Distinct().Count());
    }

    private async Task<List<JsonElement>> ListAsync(long scheduleId)
    {
        using var page = JsonDocument.Parse(await fixture.Api.GetStringAsync(new Uri($"/api/messages?scheduleId={scheduleId}", UriKind.Relative)));
        return [.. page.RootElement.GetProperty("items").EnumerateArray().Select(i => i.Clone())];
    }
}

public sealed class ScheduleTriggerTestsOnMariaDb(DispatchingSchedulesFixture fixture) : ScheduleTriggerTests<DispatchingSchedulesFixture>(fixture);

public sealed class ScheduleTriggerTestsOnSqlite(DispatchingSchedulesFixtureOnSqlite fixture) : ScheduleTriggerTests<DispatchingSchedulesFixtureOnSqlite>(fixture);
