using System.Globalization;
using System.Net;
using System.Text.Json;
using Notifier.Testing;

namespace Notifier.Api.Tests.Support;

/// <summary>The calls tests make to the messages API, with the assertions every caller would repeat.</summary>
public static class MessageRequests
{
    /// <summary>Posts a message that must be accepted (202, Location, queued) and returns its id.</summary>
    public static async Task<long> SendAcceptedAsync(this ApiClient api, object body, string? idempotencyKey = null)
    {
        var answer = await api.PostMessageAsync(body, idempotencyKey);
        return AssertAccepted(answer);
    }

    /// <summary>Asserts a 202 with its Location and <c>{id, status}</c>, and returns the id.</summary>
    public static long AssertAccepted(ApiAnswer answer)
    {
        Assert.True(answer.Status == HttpStatusCode.Accepted, $"Expected 202, got {(int)answer.Status}: {answer.Body}");
        var json = answer.Json;
        var id = json.GetProperty("id").GetInt64();
        Assert.Equal($"/api/messages/{id}", answer.Location?.OriginalString);
        Assert.False(string.IsNullOrEmpty(json.GetProperty("status").GetString()));
        return id;
    }

    public static async Task<JsonElement> GetMessageAsync(this ApiClient api, long id)
    {
        var answer = await api.GetAsync($"/api/messages/{id}");
        Assert.True(answer.Status == HttpStatusCode.OK, $"GET message {id}: {(int)answer.Status} {answer.Body}");
        return answer.Json;
    }

    /// <summary>Polls <c>GET /api/messages/{id}</c> until <paramref name="isDone"/> holds.</summary>
    public static Task<JsonElement> WaitForMessageAsync(this ApiClient api, long id, Func<JsonElement, bool> isDone, string what) =>
        Eventually.MatchAsync(() => api.GetMessageAsync(id), isDone, $"message {id} to be {what}");

    /// <summary>Polls until the message has <paramref name="status"/>.</summary>
    public static Task<JsonElement> WaitForStatusAsync(this ApiClient api, long id, string status) =>
        api.WaitForMessageAsync(id, m => m.GetProperty("status").GetString() == status, status);

    public static string Status(this JsonElement message) => message.GetProperty("status").GetString() ?? "";

    /// <summary>A unique Idempotency-Key.</summary>
    public static string NewKey() => "key-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);
}
