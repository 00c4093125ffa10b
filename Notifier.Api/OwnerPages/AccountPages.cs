using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Notifier.Api.Accounts;
using Notifier.Api.Auth;
using Notifier.Api.Pages;
using Notifier.Core.Accounts;
using Notifier.Core.Data;
using Notifier.Core;
using static Notifier.Api.OwnerPages.OwnerPage;

namespace Notifier.Api.OwnerPages;

/// <summary>The owner's account: the time zone of the pages, sign-out, and the disconnect (a confirmation page, then the POST that unlinks and signs out).</summary>
internal static class AccountPages
{
    public static IEndpointRouteBuilder MapAccountPages(this IEndpointRouteBuilder routes)
    {
        var pages = routes.MapOwnerGroup("/account");
        pages.MapGet("/disconnect", ConfirmAsync);
        pages.MapPost("/disconnect", DisconnectAsync);
        pages.MapPost("/zone", SetZoneAsync);
        pages.MapPost("/sign-out", SignOutAsync);
        return routes;
    }

    // The form (with its antiforgery token) is read so that a POST without a valid token is refused before this runs.
    private static async Task<RedirectHttpResult> SignOutAsync(HttpContext http, IFormCollection form)
    {
        await OwnerSignIn.SignOutAsync(http);
        return SeeOther("/?signedOut=1");
    }

    private static async Task<IResult> ConfirmAsync(ClaimsPrincipal user, AccountViews views, CancellationToken cancellationToken) =>
        await views.GetAsync(Owner(user), cancellationToken) is { } account
            ? Render<DisconnectPage>(new { Account = account })
            : NotFound("account");

    private static async Task<IResult> DisconnectAsync(
        HttpContext http, IFormCollection form, ClaimsPrincipal user, AccountDisconnector disconnector, CancellationToken cancellationToken)
    {
        var done = await disconnector.DisconnectAsync(Owner(user), cancellationToken);
        await OwnerSignIn.SignOutAsync(http);
        if (done is null)
        {
            return NotFound("account");
        }

        return Render<MessagePage>(new
        {
            Title = done.Kakao == KakaoUnlinkOutcome.Unreachable ? "Disconnected here; Kakao did not answer" : "Disconnected",
            Message = done.Summary,
            Hint = $"{Count(done.FailedDeliveries, "queued message")} failed and {Count(done.DisabledSchedules, "schedule")} disabled. You are signed out.",
            IsError = done.Kakao == KakaoUnlinkOutcome.Unreachable,
            OfferConnect = false,
        });
    }

    /// <summary>The owner's time zone for these pages: an IANA name this machine knows, else a readable 400 and nothing changed.</summary>
    private static async Task<IResult> SetZoneAsync(IFormCollection form, ClaimsPrincipal user, NotifierDbContext db, CancellationToken cancellationToken)
    {
        string? asked = form["zone"];
        if (IanaTimeZones.Find(asked) is not { } zone)
        {
            return Render<MessagePage>(new
            {
                Title = "Unknown time zone",
                Message = $"'{asked?.Trim()}' is not a time zone this Notifier knows. Give an IANA name such as Asia/Seoul, Europe/Berlin or America/New_York.",
                OfferConnect = false,
            }, StatusCodes.Status400BadRequest);
        }

        var owner = Owner(user);
        var changed = await db.Accounts.Where(a => a.Id == owner).ExecuteUpdateAsync(u => u.SetProperty(a => a.TimeZone, zone.Id), cancellationToken);
        return changed == 1 ? SeeOther("/#zone") : NotFound("account");
    }

    private static string Count(int n, string what) => n == 1 ? $"1 {what}" : $"{n} {what}s";
}
