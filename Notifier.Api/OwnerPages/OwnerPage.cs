using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Notifier.Api.Auth;
using Notifier.Api.Messages;
using Notifier.Api.Pages;
using Notifier.Core.Data;
using Notifier.Core.Deliveries;
using Notifier.Core;

namespace Notifier.Api.OwnerPages;

/// <summary>What every owner page shares: the signed-in account, rendering, the readable 404.</summary>
internal static class OwnerPage
{
    /// <summary>A route group only a signed-in owner reaches; anyone else is sent to the home page to connect.</summary>
    public static RouteGroupBuilder MapOwnerGroup(this IEndpointRouteBuilder routes, string prefix) =>
        routes.MapGroup(prefix).RequireAuthorization().ExcludeFromDescription();

    /// <summary>The signed-in owner's account id (0 never matches an account).</summary>
    public static long Owner(ClaimsPrincipal user) => OwnerSignIn.AccountId(user) ?? 0;

    /// <summary>The zone the owner reads times in (<see cref="IanaTimeZones"/>).</summary>
    public static async Task<TimeZoneInfo> OwnerTimeZoneAsync(NotifierDbContext db, long owner, CancellationToken cancellationToken) =>
        IanaTimeZones.OrDefault(await db.Accounts.AsNoTracking().Where(a => a.Id == owner).Select(a => a.TimeZone).SingleOrDefaultAsync(cancellationToken));

    /// <summary>The page that says why a message was not queued (the same words the API's problem carries).</summary>
    public static IResult NotSent(IntakeResult refused) => refused is IntakeResult.AccountInactive inactive
        ? Render<MessagePage>(new
        {
            Title = "Not sent",
            Message = $"Kakao no longer accepts this account's tokens ({inactive.Status}). Connect again to resume sending.",
            OfferConnect = true,
        }, StatusCodes.Status409Conflict)
        : Render<MessagePage>(new { Title = "Not sent", Message = IntakeResults.Refusal(refused).Detail }, IntakeResults.Refusal(refused).Status);

    public static RazorComponentResult<T> Render<T>(object parameters, int statusCode = StatusCodes.Status200OK)
        where T : IComponent =>
        new(parameters) { StatusCode = statusCode };

    public static RazorComponentResult<MessagePage> NotFound(string what) => Render<MessagePage>(new
    {
        Title = "Not found",
        Message = $"There is no {what} of yours with this number.",
        IsError = false,
    }, StatusCodes.Status404NotFound);

    /// <summary>POST-redirect-GET: the browser lands on a page it can reload safely.</summary>
    public static RedirectHttpResult SeeOther(string url) => TypedResults.Redirect(url);
}
