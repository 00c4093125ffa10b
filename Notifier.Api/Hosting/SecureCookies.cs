using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using Notifier.Core;

namespace Notifier.Api.Hosting;

/// <summary>
/// Every cookie the Api sets is <c>Secure</c> when the request came over https (as the proxy says) or
/// <c>Notifier:PublicUrl</c> is https; in the latter case it also gets the <c>__Host-</c> prefix (Secure, Path=/, no
/// Domain), so that no sibling host can plant or overwrite it.
/// </summary>
internal static class SecureCookies
{
    public const string HostPrefix = "__Host-";

    /// <summary>The name to use for a cookie Notifier calls <paramref name="name"/>.</summary>
    public static string Name(string name, NotifierOptions notifier) => notifier.PublicUrlIsHttps ? HostPrefix + name : name;

    /// <summary>Whether a cookie set in answer to <paramref name="request"/> is <c>Secure</c>.</summary>
    public static bool IsSecure(HttpRequest request, NotifierOptions notifier) => request.IsHttps || notifier.PublicUrlIsHttps;

    /// <summary>The path of a cookie meant for <paramref name="path"/>: <c>/</c> when it carries the <c>__Host-</c> prefix.</summary>
    public static string Path(string path, NotifierOptions notifier) => notifier.PublicUrlIsHttps ? "/" : path;

    public static IServiceCollection AddNotifierSecureCookies(this IServiceCollection services)
    {
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .PostConfigure<IOptions<NotifierOptions>>((o, notifier) => Apply(o.Cookie, notifier.Value));
        services.AddOptions<AntiforgeryOptions>()
            .PostConfigure<IOptions<NotifierOptions>>((o, notifier) => Apply(o.Cookie, notifier.Value));
        return services;
    }

    private static void Apply(CookieBuilder cookie, NotifierOptions notifier)
    {
        if (!notifier.PublicUrlIsHttps)
        {
            cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            return;
        }

        if (cookie.Name is { } name && !name.StartsWith(HostPrefix, StringComparison.Ordinal))
        {
            cookie.Name = HostPrefix + name;
        }

        cookie.SecurePolicy = CookieSecurePolicy.Always;
        cookie.Path = "/";
        cookie.Domain = null;
    }
}
