using Microsoft.AspNetCore.Http.HttpResults;
using Notifier.Api.Pages;
using Notifier.Core.Kakao;

namespace Notifier.Api.Auth;

/// <summary>The readable page and status for each way the Kakao callback can fail. Nothing is stored in any of them.</summary>
internal static class CallbackFailures
{
    public static RazorComponentResult<MessagePage> NoAttempt() => Page(StatusCodes.Status400BadRequest,
        "This sign-in did not start here",
        "The answer from Kakao does not belong to a sign-in started in this browser in the last 10 minutes, so it was ignored.",
        "Start again from Notifier's page.");

    public static RazorComponentResult<MessagePage> Declined() => Page(StatusCodes.Status403Forbidden,
        "KakaoTalk was not connected",
        "You declined the consent on Kakao's page, so Notifier stored nothing.",
        "Connect again and accept the consent items when you want Notifier to send you memo cards.");

    public static RazorComponentResult<MessagePage> KakaoRefused(string error) => Page(StatusCodes.Status400BadRequest,
        "KakaoTalk was not connected",
        $"Kakao did not authorize the connection ({Sanitize(error)}). Notifier stored nothing.",
        "Try again; if it keeps failing, check the consent items of the Kakao app.");

    public static RazorComponentResult<MessagePage> MissingCode() => Page(StatusCodes.Status400BadRequest,
        "KakaoTalk was not connected",
        "Kakao's answer carried no authorization code. Notifier stored nothing.",
        null);

    public static RazorComponentResult<MessagePage> From(KakaoAuthException ex) => ex.ErrorCode switch
    {
        KakaoAuthException.CodeNotFound => Page(StatusCodes.Status400BadRequest,
            "That link expired, connect again",
            "Kakao says the authorization code was already used or has expired (KOE320). Notifier stored nothing.",
            null),
        KakaoAuthException.BadClientCredentials => Page(StatusCodes.Status500InternalServerError,
            "Notifier's Kakao credentials were rejected",
            "Kakao rejected this Notifier's client credentials (KOE010). Notifier stored nothing.",
            "The owner must set Kakao:ClientSecret to the client secret shown in the Kakao app's Security settings, or leave it empty when the app has none."),
        _ when ex.IsConfigurationError => Page(StatusCodes.Status500InternalServerError,
            "Notifier's Kakao settings were rejected",
            $"Kakao rejected this Notifier's configuration ({ex.ErrorCode}). Notifier stored nothing.",
            "The owner must check Kakao:RestApiKey and that Kakao:RedirectUri equals a redirect URI registered in the Kakao app."),
        _ => Page(StatusCodes.Status502BadGateway,
            "KakaoTalk was not connected",
            $"Kakao refused to issue tokens ({ex.ErrorCode}). Notifier stored nothing.",
            "Try again in a few minutes."),
    };

    public static RazorComponentResult<MessagePage> NotAnOwner() => Page(StatusCodes.Status403Forbidden,
        "This Notifier belongs to someone else",
        "Only its owners and the people they invite can connect KakaoTalk here. Notifier stored nothing about you and gave Kakao's access back, so it keeps no credential of yours.",
        "If you know the owner, ask them for an invite link. To send memo cards to yourself, run a Notifier of your own.",
        offerConnect: false);

    public static RazorComponentResult<MessagePage> InviteNoLongerValid() => Page(StatusCodes.Status403Forbidden,
        "This invite can no longer be used",
        "The invite was used by someone else, revoked or expired while you were on Kakao's page. Notifier stored nothing about you and gave Kakao's access back.",
        "Ask the owner for a new invite link.",
        offerConnect: false);

    public static RazorComponentResult<MessagePage> Unavailable() => Page(StatusCodes.Status502BadGateway,
        "Kakao is not answering",
        "Notifier could not complete the connection because Kakao did not answer properly. Nothing was stored.",
        "Try again in a few minutes.");

    public static RazorComponentResult<MessagePage> NotConfigured(IReadOnlyList<string> missing) => Page(StatusCodes.Status503ServiceUnavailable,
        "Kakao is not configured yet",
        $"Set {string.Join(", ", missing)} and restart Notifier before connecting.",
        "The home page lists every step.", offerConnect: false);

    private static RazorComponentResult<MessagePage> Page(int status, string title, string message, string? hint, bool offerConnect = true) =>
        new RazorComponentResult<MessagePage>(new Dictionary<string, object?>
        {
            [nameof(MessagePage.Title)] = title,
            [nameof(MessagePage.Message)] = message,
            [nameof(MessagePage.Hint)] = hint,
            [nameof(MessagePage.OfferConnect)] = offerConnect,
        })
        { StatusCode = status };

    // Kakao's error names are short identifiers; anything else in the query string is not shown back.
    private static string Sanitize(string error) =>
        error.Length <= 40 && error.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? error : "unknown error";
}
