using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Notifier.Core.Kakao;

namespace Notifier.Core.Messages;

/// <summary>
/// Which links a message may carry: absolute http(s) URLs on a site domain registered with Kakao (<c>Kakao:AllowedLinkDomains</c>,
/// or the origin of <c>Notifier:PublicUrl</c> when none is set), matched as Kakao matches them (<see cref="LinkDomain"/>).
/// Kakao sends other links but they do not open.
/// </summary>
public sealed class LinkPolicy(IOptionsMonitor<KakaoOptions> kakao, IOptionsMonitor<NotifierOptions> notifier)
{
    public string DefaultLink => notifier.CurrentValue.PublicUrlOrDefault;

    /// <summary>The registered site domains; without <c>Kakao:AllowedLinkDomains</c>, the origin of <c>Notifier:PublicUrl</c>.</summary>
    public IReadOnlyList<LinkDomain> AllowedDomains =>
        (kakao.CurrentValue.AllowedLinkDomains ?? []).Select(LinkDomain.Parse).OfType<LinkDomain>().ToList() is { Count: > 0 } domains
            ? domains
            : [LinkDomain.Parse(new Uri(notifier.CurrentValue.PublicUrlOrDefault).GetLeftPart(UriPartial.Authority))!];

    /// <summary>Null when the link is acceptable, otherwise what is wrong with it.</summary>
    public string? Check(string link)
    {
        if (link.Length > MessageLimits.UrlLength)
        {
            return $"must be at most {MessageLimits.UrlLength} characters";
        }

        if (!Uri.TryCreate(link, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return "must be an absolute http or https URL";
        }

        var allowed = AllowedDomains;
        return allowed.Any(d => d.Allows(uri))
            ? null
            : $"must point at a site domain registered with Kakao ({string.Join(", ", allowed)}); a subdomain must be registered itself; set Kakao:AllowedLinkDomains";
    }

    /// <summary>Kakao's link object for a URL (or the default link), or null after recording what is wrong with it.</summary>
    internal JsonObject? LinkObject(string? link, string field, MessageValidation result)
    {
        var url = string.IsNullOrWhiteSpace(link) ? DefaultLink : link.Trim();
        if (Check(url) is { } problem)
        {
            result.Add(field, problem);
            return null;
        }

        return new JsonObject { ["web_url"] = url, ["mobile_web_url"] = url };
    }
}
