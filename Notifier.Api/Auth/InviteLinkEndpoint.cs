using Microsoft.AspNetCore.Http.HttpResults;
using Notifier.Api.Pages;
using Notifier.Core.Owners;

namespace Notifier.Api.Auth;

/// <summary>
/// An invite link (<c>/join/{token}</c>): a pending one starts the Kakao connect carrying the invite, which the callback
/// uses up when the person gets their account. Following the link alone uses nothing (a link preview may fetch it).
/// </summary>
internal static class InviteLinkEndpoint
{
    public static IEndpointRouteBuilder MapInviteLinks(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/join/{token}", FollowAsync).ExcludeFromDescription();
        return routes;
    }

    private static async Task<Results<RedirectHttpResult, RazorComponentResult<MessagePage>>> FollowAsync(
        HttpContext http, string token, Invites invites, CancellationToken cancellationToken) =>
        await invites.StateAsync(token, cancellationToken) switch
        {
            InviteState.Pending pending => KakaoAuthApi.StartInvited(http, pending.InviteId),
            InviteState.Used => Page(StatusCodes.Status410Gone, "This invite was already used",
                "Each invite link connects one person, once, and this one has been used.", "Ask the owner for a new invite link."),
            InviteState.Expired => Page(StatusCodes.Status410Gone, "This invite has expired",
                "Invite links work for 24 hours after they are made.", "Ask the owner for a new invite link."),
            _ => Page(StatusCodes.Status404NotFound, "This invite link is not valid",
                "Notifier knows no invite with this link: it may have been revoked, or the link was not copied whole.", "Ask the owner for a new invite link."),
        };

    private static RazorComponentResult<MessagePage> Page(int status, string title, string message, string hint) =>
        new(new Dictionary<string, object?>
        {
            [nameof(MessagePage.Title)] = title,
            [nameof(MessagePage.Message)] = message,
            [nameof(MessagePage.Hint)] = hint,
        })
        { StatusCode = status };
}
