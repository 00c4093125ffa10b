using System.Text.Json.Serialization;

namespace Notifier.Api.Integrations.Ntfy;

/// <summary>ntfy's "publish as JSON" body (<c>POST /</c>); fields Notifier has no use for (delay, email, call, ...) are ignored, as ntfy ignores unknown ones.</summary>
public sealed record NtfyJsonMessage
{
    [JsonPropertyName("topic")] public string? Topic { get; init; }

    [JsonPropertyName("message")] public string? Message { get; init; }

    [JsonPropertyName("title")] public string? Title { get; init; }

    [JsonPropertyName("tags")] public List<string>? Tags { get; init; }

    [JsonPropertyName("priority")] public int? Priority { get; init; }

    [JsonPropertyName("click")] public string? Click { get; init; }

    [JsonPropertyName("attach")] public string? Attach { get; init; }

    [JsonPropertyName("filename")] public string? Filename { get; init; }

    [JsonPropertyName("icon")] public string? Icon { get; init; }

    [JsonPropertyName("markdown")] public bool? Markdown { get; init; }

    [JsonPropertyName("actions")] public List<NtfyAction>? Actions { get; init; }
}

/// <summary>An ntfy action button; only <c>view</c> actions (open a URL) become card buttons.</summary>
public sealed record NtfyAction
{
    [JsonPropertyName("action")] public string? Action { get; init; }

    [JsonPropertyName("label")] public string? Label { get; init; }

    [JsonPropertyName("url")] public string? Url { get; init; }
}
