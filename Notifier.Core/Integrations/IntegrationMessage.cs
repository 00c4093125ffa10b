namespace Notifier.Core.Integrations;

/// <summary>
/// A notification from another tool (an ntfy client, Alertmanager, Grafana, GitHub), before it is fitted to KakaoTalk:
/// what every integration produces, and the only input of <see cref="IntegrationRenderer"/>.
/// </summary>
public sealed record IntegrationMessage
{
    /// <summary>The topic it was published to (<c>[A-Za-z0-9_-]{1,64}</c>); kept on the delivery.</summary>
    public required string Topic { get; init; }

    /// <summary>Which integration made it (<c>ntfy</c>, <c>alertmanager</c>, <c>grafana</c>, <c>github</c>), shown on the page.</summary>
    public required string RequestedBy { get; init; }

    public string? Title { get; init; }

    /// <summary>The whole text, any length; the card shows what fits.</summary>
    public string Body { get; init; } = "";

    /// <summary>ntfy tags: emoji short codes become the emoji in front of the title, the others <c>#tag</c>.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>ntfy's 1 (min) to 5 (urgent); 5 puts 🚨 in front.</summary>
    public int Priority { get; init; } = 3;

    /// <summary>Where tapping the card goes.</summary>
    public string? Click { get; init; }

    /// <summary>An image URL for the card.</summary>
    public string? ImageUrl { get; init; }

    /// <summary>Buttons in the order given; the card shows at most two.</summary>
    public IReadOnlyList<IntegrationButton> Buttons { get; init; } = [];

    /// <summary>Whether <see cref="Body"/> is Markdown (rendered on the whole-message page).</summary>
    public bool Markdown { get; init; }
}

/// <summary>A link button: its label and where it goes.</summary>
public sealed record IntegrationButton(string Label, string Url);
