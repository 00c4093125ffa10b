using System.Text.Json.Nodes;
using Notifier.Core.Messages;

namespace Notifier.Api.Messages;

/// <summary>The body of <c>POST /api/messages</c>: an optional account and exactly one of text, card or template.</summary>
public sealed record SendMessageRequest
{
    /// <summary>The account to send to; may be left out when exactly one account is connected.</summary>
    public long? AccountId { get; init; }

    /// <summary>A text memo, at most 200 characters.</summary>
    public string? Text { get; init; }

    /// <summary>The link of a text memo; defaults to <c>Notifier:PublicUrl</c>.</summary>
    public string? Link { get; init; }

    /// <summary>A card, rendered as Kakao's feed template.</summary>
    public CardContent? Card { get; init; }

    /// <summary>A Kakao default template object (feed, list, location, commerce, text, calendar), validated and passed through.</summary>
    public JsonObject? Template { get; init; }

    public MessageContent ToContent() => new() { Text = Text, Link = Link, Card = Card, Template = Template };
}
