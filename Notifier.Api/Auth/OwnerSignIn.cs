using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Notifier.Core.Accounts;

namespace Notifier.Api.Auth;

/// <summary>The browser session of an owner: signing in is the Kakao connect itself.</summary>
internal static class OwnerSignIn
{
    public const string AccountIdClaim = "notifier:account_id";

    /// <summary>When the account was connected (UTC ticks): a session from before a later connect has ended.</summary>
    public const string ConnectedAtClaim = "notifier:connected_at";

    /// <summary>When this browser signed in (UTC ticks): the session ends <c>Notifier:SessionDays</c> after it, renewals or not.</summary>
    public const string SignedInAtClaim = "notifier:signed_in_at";

    public static Task SignInAsync(HttpContext http, Account account)
    {
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var identity = new ClaimsIdentity(
            [
                new Claim(AccountIdClaim, account.Id.ToString(CultureInfo.InvariantCulture)),
                new Claim(ClaimTypes.Name, account.Nickname),
                new Claim(ConnectedAtClaim, account.ConnectedAt.Ticks.ToString(CultureInfo.InvariantCulture)),
                new Claim(SignedInAtClaim, now.Ticks.ToString(CultureInfo.InvariantCulture)),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme);
        return http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
    }

    /// <summary>Ends this browser's session.</summary>
    public static Task SignOutAsync(HttpContext http) => http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);

    /// <summary>When <paramref name="user"/> signed in; null for a session from before this was recorded.</summary>
    public static DateTime? SignedInAt(ClaimsPrincipal user) => Ticks(user, SignedInAtClaim);

    /// <summary>When the account was connected as this session began; null when not recorded.</summary>
    public static DateTime? ConnectedAt(ClaimsPrincipal user) => Ticks(user, ConnectedAtClaim);

    private static DateTime? Ticks(ClaimsPrincipal user, string claim) =>
        long.TryParse(user.FindFirstValue(claim), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTime.MaxValue.Ticks
            ? new DateTime(ticks, DateTimeKind.Utc)
            : null;

    /// <summary>The account id of the signed-in owner, or null for anyone else.</summary>
    public static long? AccountId(ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue(AccountIdClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}

