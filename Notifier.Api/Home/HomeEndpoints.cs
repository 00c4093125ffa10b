using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Notifier.Api.Accounts;
using Notifier.Api.Auth;
using Notifier.Api.Pages;
using Notifier.Core;
using Notifier.Core.Kakao;

namespace Notifier.Api.Home;

internal static class HomeEndpoints
{
    public static IEndpointRouteBuilder MapHome(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", HomeAsync).ExcludeFromDescription();
        return routes;
    }

    // Only the signed-in owner sees an account; anyone else sees the button, never who is connected.
    private static async Task<RazorComponentResult<HomePage>> HomeAsync(
        HttpContext http, AccountViews views, IOptionsSnapshot<KakaoOptions> kakao, IOptions<NotifierOptions> notifier, string? connected, string? signedOut, CancellationToken cancellationToken)
    {
        AccountView? view = null;
        if (OwnerSignIn.AccountId(http.User) is { } accountId)
        {
            view = await views.GetAsync(accountId, cancellationToken);
        }

        return new RazorComponentResult<HomePage>(new Dictionary<string, object?>
        {
            [nameof(HomePage.Account)] = view,
            [nameof(HomePage.JustConnected)] = connected == "1",
            [nameof(HomePage.SignedOut)] = signedOut == "1" && view is null,
            [nameof(HomePage.MissingSettings)] = kakao.Value.MissingSettings(),
            [nameof(HomePage.RedirectUri)] = RedirectUris.For(http.Request, kakao.Value, notifier.Value),
        });
    }
}
