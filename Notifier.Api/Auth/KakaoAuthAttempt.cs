using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Notifier.Api.Hosting;
using Notifier.Core;

namespace Notifier.Api.Auth;

/// <summary>
/// One browser's pending sign-in: its <c>state</c>, PKCE verifier, redirect URI and the invite it came with, kept in a short-lived,
/// encrypted, HttpOnly, <c>SameSite=Lax</c> cookie (Lax: the callback is a cross-site top-level navigation from kauth).
/// Scoped to <c>/auth/kakao</c>, except with an https <c>Notifier:PublicUrl</c>: then <c>__Host-</c>, which needs Path=/.
/// </summary>
internal sealed record KakaoAuthAttempt(string State, string CodeVerifier, string RedirectUri, long? InviteId = null)
{
    public const string CookieName = "notifier_kakao_auth";
    public const string CookiePath = "/auth/kakao";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public static KakaoAuthAttempt Start(HttpContext http, NotifierOptions notifier, IDataProtectionProvider dataProtection, string redirectUri, long? inviteId = null)
    {
        var attempt = new KakaoAuthAttempt(RandomToken(), RandomToken(), redirectUri, inviteId);
        var payload = string.Join('\n', attempt.State, attempt.CodeVerifier, attempt.RedirectUri, inviteId?.ToString(CultureInfo.InvariantCulture) ?? "");
        http.Response.Cookies.Append(SecureCookies.Name(CookieName, notifier), Protector(dataProtection).Protect(payload, Lifetime), CookieOptions(http, notifier));
        return attempt;
    }

    /// <summary>Reads and removes this browser's attempt; null when there is none, it expired, or it was tampered with.</summary>
    public static KakaoAuthAttempt? Take(HttpContext http, NotifierOptions notifier, IDataProtectionProvider dataProtection)
    {
        var name = SecureCookies.Name(CookieName, notifier);
        var cookie = http.Request.Cookies[name];
        if (cookie is null)
        {
            return null;
        }

        http.Response.Cookies.Delete(name, CookieOptions(http, notifier));
        try
        {
            var parts = Protector(dataProtection).Unprotect(cookie).Split('\n');
            return parts.Length == 4 ? new KakaoAuthAttempt(parts[0], parts[1], parts[2], InviteOf(parts[3])) : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>Compares the <c>state</c> Kakao echoed with this attempt's, in constant time.</summary>
    public bool Matches(string? state) =>
        state is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(state), Encoding.UTF8.GetBytes(State));

    private static long? InviteOf(string part) =>
        long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    private static ITimeLimitedDataProtector Protector(IDataProtectionProvider dataProtection) =>
        dataProtection.CreateProtector("Notifier.Api.KakaoAuthAttempt.v2").ToTimeLimitedDataProtector();

    private static CookieOptions CookieOptions(HttpContext http, NotifierOptions notifier) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Secure = SecureCookies.IsSecure(http.Request, notifier),
        Path = SecureCookies.Path(CookiePath, notifier),
        MaxAge = Lifetime,
        IsEssential = true,
    };

    // 32 random bytes: a 43-character base64url string, valid as a PKCE verifier (43–128 unreserved characters).
    private static string RandomToken() => Base64UrlTextEncoder.Encode(RandomNumberGenerator.GetBytes(32));
}
