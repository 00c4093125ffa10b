using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Notifier.Core.Messages;

/// <summary>
/// What to send, in one of five shapes: exactly one of <see cref="Text"/>, <see cref="Card"/>, <see cref="Template"/>,
/// <see cref="TemplateId"/> or <see cref="ScrapUrl"/> (a scrap may come with a <see cref="TemplateId"/> and its arguments).
/// </summary>
public record MessageContent
{
    /// <summary>A text memo (Kakao's text template), at most 200 characters.</summary>
    public string? Text { get; init; }

    /// <summary>The link of a text memo; defaults to <c>Notifier:PublicUrl</c>.</summary>
    public string? Link { get; init; }

    /// <summary>A card, rendered as Kakao's feed template.</summary>
    public CardContent? Card { get; init; }

    /// <summary>A Kakao default template object passed through after validation.</summary>
    public JsonObject? Template { get; init; }

    /// <summary>A template built in the Kakao Developers console (its id there), sent with Kakao's <c>/v2/api/talk/memo/send</c>.</summary>
    [JsonNumberHandling(JsonNumberHandling.Strict)]
    public long? TemplateId { get; init; }

    /// <summary>The values of the console template's <c>${name}</c> placeholders, all strings.</summary>
    public Dictionary<string, string>? TemplateArgs { get; init; }

    /// <summary>A web page Kakao scrapes into the memo (<c>/v2/api/talk/memo/scrap/send</c>); its domain must be registered.</summary>
    public string? ScrapUrl { get; init; }
}

/// <summary>A memo card: a title, optional description and image, a link and up to two buttons.</summary>
public sealed record CardContent
{
    public string? Title { get; init; }

    public string? Description { get; init; }

    public string? ImageUrl { get; init; }

    public int? ImageWidth { get; init; }

    public int? ImageHeight { get; init; }

    public string? Link { get; init; }

    public List<CardButton>? Buttons { get; init; }
}

public sealed record CardButton
{
    public string? Title { get; init; }

    public string? Link { get; init; }
}
