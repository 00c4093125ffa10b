using System.ComponentModel.DataAnnotations;

namespace Notifier.Core.Kakao;

/// <summary>Settings of the Kakao app this Notifier talks to (section <c>Kakao</c>).</summary>
public sealed class KakaoOptions : IValidatableObject
{
    public const string SectionName = "Kakao";

    /// <summary>Base address of Kakao's authorization server.</summary>
    [Required, Url]
    public string AuthBaseUrl { get; set; } = "https://kauth.kakao.com";

    /// <summary>Base address of Kakao's API server.</summary>
    [Required, Url]
    public string ApiBaseUrl { get; set; } = "https://kapi.kakao.com";

    /// <summary>The app's REST API key, sent as <c>client_id</c>. Without it nobody can connect.</summary>
    public string? RestApiKey { get; set; }

    /// <summary>The app's client secret, when the app has one enabled.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The registered redirect URI; when absent it is derived from the request.</summary>
    public string? RedirectUri { get; set; }

    /// <summary>The app's primary admin key, used to verify Kakao's unlink webhook.</summary>
    public string? AdminKey { get; set; }

    /// <summary>The app id, used to verify Kakao's unlink webhook.</summary>
    public string? AppId { get; set; }

    /// <summary>
    /// The site domains registered in the Kakao app: links in messages must point at one of them (or a subdomain).
    /// Empty: only the host of <c>Notifier:PublicUrl</c>.
    /// </summary>
    public List<string> AllowedLinkDomains { get; set; } = [];

    /// <summary>How long one call to Kakao may take before it is abandoned.</summary>
    [Range(1, 120)]
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>The settings that must still be set before anyone can connect, by configuration key.</summary>
    public IReadOnlyList<string> MissingSettings() =>
        string.IsNullOrWhiteSpace(RestApiKey) ? [$"{SectionName}:RestApiKey"] : [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(RedirectUri)
            && !(Uri.TryCreate(RedirectUri, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            yield return new ValidationResult(
                $"{SectionName}:RedirectUri must be an absolute http(s) URL equal to a redirect URI registered at Kakao.",
                [nameof(RedirectUri)]);
        }

        foreach (var domain in AllowedLinkDomains.Where(d => !string.IsNullOrWhiteSpace(d) && Messages.LinkDomain.Parse(d) is null))
        {
            yield return new ValidationResult(
                $"{SectionName}:AllowedLinkDomains has '{domain}', which is neither a host (example.com) nor an http(s) origin (https://example.com:8443).",
                [nameof(AllowedLinkDomains)]);
        }
    }
}
