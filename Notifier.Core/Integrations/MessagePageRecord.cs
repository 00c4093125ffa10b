namespace Notifier.Core.Integrations;

/// <summary>
/// The whole message behind a card's "전체 보기" button, read at <c>/m/{token}</c> without signing in. It belongs to its
/// delivery and goes with it.
/// </summary>
public sealed class MessagePageRecord
{
    /// <summary>Unguessable (256 random bits, base64url): the only thing that opens the page.</summary>
    public string Token { get; set; } = "";

    public long DeliveryId { get; set; }

    public string Topic { get; set; } = "";

    public string RequestedBy { get; set; } = "";

    public string? Title { get; set; }

    public string Body { get; set; } = "";

    /// <summary>The tags as given, comma-separated.</summary>
    public string Tags { get; set; } = "";

    public bool Markdown { get; set; }

    /// <summary>The message's links as given (label and URL, JSON), foreign ones included: the page shows them all.</summary>
    public string LinksJson { get; set; } = "[]";

    public DateTime CreatedAt { get; set; }
}
