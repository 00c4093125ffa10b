namespace Notifier.Core.Integrations;

/// <summary>
/// A link on a domain Kakao does not open, carried as <c>{PublicUrl}/r/{token}</c> (on Notifier's registered domain),
/// which answers 302 to <see cref="Url"/>. It belongs to its delivery and goes with it.
/// </summary>
public sealed class LinkRedirect
{
    public string Token { get; set; } = "";

    public long DeliveryId { get; set; }

    public string Url { get; set; } = "";
}
