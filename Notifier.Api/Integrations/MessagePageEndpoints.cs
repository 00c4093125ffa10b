using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Notifier.Api.OwnerPages;
using Notifier.Api.Pages;
using Notifier.Core;
using Notifier.Core.Data;
using Notifier.Core.Integrations;

namespace Notifier.Api.Integrations;

/// <summary>
/// What a card's buttons open, without signing in (KakaoTalk's browser has no session): <c>/m/{token}</c>, the whole
/// message, and <c>/r/{token}</c>, a 302 to a link on a domain Kakao does not open. Both live as long as their delivery.
/// </summary>
internal static class MessagePageEndpoints
{
    public static IEndpointRouteBuilder MapMessagePages(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/m/{token}", PageAsync).ExcludeFromDescription();
        routes.MapGet("/r/{token}", RedirectAsync).ExcludeFromDescription();
        return routes;
    }

    private static async Task<IResult> PageAsync(string token, HttpContext http, NotifierDbContext db, CancellationToken cancellationToken)
    {
        var page = await db.MessagePages.AsNoTracking().SingleOrDefaultAsync(p => p.Token == token, cancellationToken);
        if (page is null)
        {
            return Gone();
        }

        // Not for search engines, nor for anyone's cache: the token is the only key.
        http.Response.Headers["X-Robots-Tag"] = "noindex";
        http.Response.Headers.CacheControl = "private, no-store";
        return OwnerPage.Render<IntegrationMessagePage>(new
        {
            Record = page,
            Links = (JsonSerializer.Deserialize<List<IntegrationButton>>(page.LinksJson) ?? [])
                .Where(l => Uri.TryCreate(l.Url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https").ToList(),
            Html = page.Markdown ? SafeMarkdown.ToHtml(page.Body) : null,
            // The owner's zone, as on the owner pages.
            Zone = IanaTimeZones.OrDefault(await db.Deliveries.AsNoTracking().Where(d => d.Id == page.DeliveryId)
                .Join(db.Accounts, d => d.AccountId, a => a.Id, (d, a) => a.TimeZone).SingleOrDefaultAsync(cancellationToken)),
        });
    }

    private static async Task<IResult> RedirectAsync(string token, NotifierDbContext db, CancellationToken cancellationToken)
    {
        var url = await db.LinkRedirects.AsNoTracking().Where(r => r.Token == token).Select(r => r.Url).SingleOrDefaultAsync(cancellationToken);
        return url is null ? Gone() : TypedResults.Redirect(url);
    }

    private static IResult Gone() => OwnerPage.Render<MessagePage>(new
    {
        Title = "Not found",
        Message = "This message is not here (any more): it was removed with its delivery, or the link is not complete.",
        IsError = false,
    }, StatusCodes.Status404NotFound);
}
