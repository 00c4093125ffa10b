using System.Security.Claims;
using Microsoft.Extensions.Options;
using Notifier.Core.Data;
using Notifier.Api.Pages;
using Notifier.Core;
using Notifier.Core.Owners;
using static Notifier.Api.OwnerPages.OwnerPage;

namespace Notifier.Api.OwnerPages;

/// <summary>The owner's invites: make a single-use link (shown once), list the pending ones, revoke one.</summary>
internal static class InvitePages
{
    public static IEndpointRouteBuilder MapInvitePages(this IEndpointRouteBuilder routes)
    {
        var pages = routes.MapOwnerGroup("/invites");
        pages.MapGet("/", ListAsync);
        pages.MapPost("/", CreateAsync);
        pages.MapPost("/{id:long}/revoke", RevokeAsync);
        return routes;
    }

    private static async Task<IResult> ListAsync(
        ClaimsPrincipal user, Invites invites, NotifierDbContext db, IOptions<OwnerOptions> owners, string? done, CancellationToken cancellationToken) =>
        Render<InvitesPage>(new
        {
            Pending = await invites.PendingAsync(Owner(user), cancellationToken),
            AnyoneMayConnect = owners.Value.AnyoneMayConnect,
            Zone = await OwnerTimeZoneAsync(db, Owner(user), cancellationToken),
            Notice = done == "revoked" ? "The invite was revoked; its link no longer works." : null,
        });

    // The link is on this answer only: the database keeps its hash. Reloading posts again and makes another link.
    private static async Task<IResult> CreateAsync(
        HttpContext http, IFormCollection form, ClaimsPrincipal user, Invites invites, NotifierDbContext db, IOptions<OwnerOptions> owners,
        IOptions<NotifierOptions> notifier, CancellationToken cancellationToken)
    {
        var (created, token) = await invites.CreateAsync(Owner(user), cancellationToken);
        return Render<InvitesPage>(new
        {
            Pending = await invites.PendingAsync(Owner(user), cancellationToken),
            AnyoneMayConnect = owners.Value.AnyoneMayConnect,
            NewLink = InviteLinks.For(http.Request, notifier.Value, token),
            NewLinkExpiresAt = created.ExpiresAt,
            Zone = await OwnerTimeZoneAsync(db, Owner(user), cancellationToken),
        }, StatusCodes.Status201Created);
    }

    private static async Task<IResult> RevokeAsync(long id, IFormCollection form, ClaimsPrincipal user, Invites invites, CancellationToken cancellationToken) =>
        await invites.RevokeAsync(Owner(user), id, cancellationToken)
            ? SeeOther("/invites?done=revoked")
            : NotFound("pending invite");
}
