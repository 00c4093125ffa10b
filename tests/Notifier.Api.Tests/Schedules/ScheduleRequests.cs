using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Notifier.Api.Tests.Schedules;

/// <summary>Schedule requests as a client writes them, and what comes back.</summary>
internal static class ScheduleRequests
{
    public static JsonObject Body(string cron = "0 0 9 * * ?", string? timeZone = null, string text = "Good morning", string name = "Morning memo")
    {
        var body = new JsonObject { ["name"] = name, ["cron"] = cron, ["message"] = new JsonObject { ["text"] = text } };
        if (timeZone is not null)
        {
            body["timeZone"] = timeZone;
        }

        return body;
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient api, JsonNode body) => PostAsync(api, body.ToJsonString());

    public static Task<HttpResponseMessage> PostAsync(HttpClient api, string json) =>
        api.PostAsync(new Uri("/api/schedules", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));

    public static Task<HttpResponseMessage> PutAsync(HttpClient api, long id, JsonNode body) =>
        api.PutAsync(new Uri($"/api/schedules/{id}", UriKind.Relative), new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

    /// <summary>Creates a schedule and returns its view; fails the test unless it was 201.</summary>
    public static async Task<JsonElement> CreateAsync(HttpClient api, JsonNode body)
    {
        using var response = await PostAsync(api, body);
        var view = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, $"{(int)response.StatusCode}: {view}");
        return view;
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>The next fire times of a view, with their offsets as the API wrote them.</summary>
    public static List<DateTimeOffset> FireTimes(JsonElement view) =>
        [.. view.GetProperty("nextFireTimes").EnumerateArray().Select(f => f.GetDateTimeOffset())];
}
