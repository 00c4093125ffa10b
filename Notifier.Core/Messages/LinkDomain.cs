namespace Notifier.Core.Messages;

/// <summary>
/// One site domain registered with Kakao, as <c>Kakao:AllowedLinkDomains</c> names it: a host (<c>example.com</c>) or an
/// origin (<c>https://example.com:8443</c>). Kakao matches links against the registration by scheme, host and port, and a
/// subdomain is its own site: a link's host must equal the host, and its scheme and port must match when given.
/// </summary>
public sealed record LinkDomain(string Host, string? Scheme, int? Port)
{
    /// <summary>Reads a setting's value; null when it is neither a host nor an http(s) origin.</summary>
    public static LinkDomain? Parse(string value)
    {
        var text = value.Trim().TrimEnd('/');
        if (text.Contains("://", StringComparison.Ordinal))
        {
            return Uri.TryCreate(text, UriKind.Absolute, out var origin) && origin.Scheme is "http" or "https" && origin.AbsolutePath == "/"
                ? new LinkDomain(origin.Host.ToLowerInvariant(), origin.Scheme, origin.IsDefaultPort && !HasExplicitPort(text) ? null : origin.Port)
                : null;
        }

        var host = text.TrimStart('.').ToLowerInvariant();
        return host.Length > 0 && Uri.CheckHostName(host) != UriHostNameType.Unknown ? new LinkDomain(host, null, null) : null;
    }

    public bool Allows(Uri link) =>
        string.Equals(link.Host, Host, StringComparison.OrdinalIgnoreCase)
        && (Scheme is null || link.Scheme == Scheme)
        && (Port is null || link.Port == Port);

    public override string ToString() => Scheme is null ? Host : Port is null ? $"{Scheme}://{Host}" : $"{Scheme}://{Host}:{Port}";

    private static bool HasExplicitPort(string origin) => origin.IndexOf(':', origin.IndexOf("://", StringComparison.Ordinal) + 3) > 0;
}
