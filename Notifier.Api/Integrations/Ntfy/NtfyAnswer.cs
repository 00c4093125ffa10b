using System.Text.Json.Serialization;

namespace Notifier.Api.Integrations.Ntfy;

/// <summary>ntfy's answer to a publish: the message as stored (its id is the delivery's id here).</summary>
public sealed record NtfyAnswer(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("time")] long Time,
    [property: JsonPropertyName("event")] string Event,
    [property: JsonPropertyName("topic")] string Topic,
    [property: JsonPropertyName("message")] string Message)
{
    [JsonPropertyName("title"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Title { get; init; }

    [JsonPropertyName("tags"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Tags { get; init; }

    [JsonPropertyName("priority"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Priority { get; init; }

    [JsonPropertyName("click"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Click { get; init; }
}
