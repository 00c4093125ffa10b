using System.ComponentModel.DataAnnotations;

namespace Notifier.Core;

/// <summary>Service-wide settings (section <c>Notifier</c>).</summary>
public sealed class NotifierOptions : IValidatableObject
{
    public const string SectionName = "Notifier";

    /// <summary>Where Notifier is reached when <see cref="PublicUrl"/> is not set (the README's run command).</summary>
    public const string DefaultPublicUrl = "http://localhost:5080";

    /// <summary>
    /// Where people reach this Notifier (behind a proxy: the proxy's https address); the link of a message that names
    /// none. Null when not set: then the Api derives its own absolute URLs from each request.
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary><see cref="PublicUrl"/> when set, else <see cref="DefaultPublicUrl"/>.</summary>
    public string PublicUrlOrDefault => string.IsNullOrWhiteSpace(PublicUrl) ? DefaultPublicUrl : PublicUrl.Trim();

    /// <summary>Whether <see cref="PublicUrl"/> was set, and to an https address.</summary>
    public bool PublicUrlIsHttps => PublicUri is { Scheme: "https" };

    /// <summary><see cref="PublicUrl"/> as a URI; null when it is not set (or not valid, which fails at start).</summary>
    public Uri? PublicUri =>
        !string.IsNullOrWhiteSpace(PublicUrl) && Uri.TryCreate(PublicUrl.Trim(), UriKind.Absolute, out var uri) ? uri : null;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(PublicUrl))
        {
            yield break;
        }

        if (PublicUri is not { Scheme: "http" or "https" } uri || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            yield return new ValidationResult(
                $"Notifier:PublicUrl must be an absolute http or https URL without query, fragment or user (for example https://notifier.example.com); it is '{PublicUrl}'.",
                [nameof(PublicUrl)]);
        }
    }
}
