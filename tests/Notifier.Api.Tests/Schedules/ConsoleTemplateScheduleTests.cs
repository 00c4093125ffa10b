using System.Text.Json.Nodes;
using Notifier.Testing;
using Notifier.Testing.Kakao;
using static Notifier.Api.Tests.Schedules.ScheduleRequests;

namespace Notifier.Api.Tests.Schedules;

/// <summary>A schedule takes the same message shapes as <c>POST /api/messages</c>: a console template fires through <c>/memo/send</c>.</summary>
public sealed class ConsoleTemplateScheduleTests(FiringSchedulesFixture fixture) : IClassFixture<FiringSchedulesFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ScheduleWithTemplateId_Fires_AndSendsThroughMemoSend_WithItsArgs()
    {
        var marker = $"fire-{Guid.NewGuid():N}";
        var body = Body(cron: "0/2 * * * * ?");
        body["message"] = new JsonObject { ["templateId"] = 31337, ["templateArgs"] = new JsonObject { ["marker"] = marker } };

        var view = await CreateAsync(fixture.Api, body);
        var id = view.GetProperty("id").GetInt64();
        Assert.Equal(31337, view.GetProperty("message").GetProperty("templateId").GetInt64());

        var memo = await Eventually.MatchAsync(
            () => fixture.Kakao.CustomMemos.FirstOrDefault(m => m.TemplateArgs?.Contains(marker, StringComparison.Ordinal) == true),
            m => m is not null, "a memo from the schedule at /memo/send", Deadline);
        Assert.Equal(KakaoFake.CustomSendPath, memo!.Endpoint);
        Assert.Equal(SchedulesFixture.KakaoUserId, memo.UserId);
        Assert.Equal(31337, memo.TemplateId);
        Assert.True(JsonNode.DeepEquals(new JsonObject { ["marker"] = marker }, JsonNode.Parse(memo.TemplateArgs!)), memo.TemplateArgs);
        Assert.True(await fixture.CountAsync("SELECT COUNT(*) FROM deliveries WHERE ScheduleId = @id AND FireTime IS NOT NULL", ("@id", id)) >= 1);

        body["enabled"] = false;
        using var disabled = await PutAsync(fixture.Api, id, body);
        Assert.True(disabled.IsSuccessStatusCode, $"{(int)disabled.StatusCode}");
    }
}
