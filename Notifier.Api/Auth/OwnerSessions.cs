using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Notifier.Core.Accounts;
using Notifier.Core.Data;

namespace Notifier.Api.Auth;

/// <summary>
/// Ends owner sessions that no longer hold: older than <c>Notifier:SessionDays</c> since sign-in (sliding renewals do
/// not extend that), or no longer belonging to a link: the account was disconnected or unlinked, or connected again
/// after the session began (each connect starts a new link, like a security stamp). Checked on every page request.
/// </summary>
internal static class OwnerSessions
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is not { } user || OwnerSignIn.AccountId(user) is not { } accountId)
        {
            return;
        }

        var services = context.HttpContext.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var lifetime = services.GetRequiredService<IOptions<OwnerSessionOptions>>().Value.Lifetime;
        // A cookie from before sign-in times were recorded has no known age: it ends once, and the next connect starts a dated one.
        if (OwnerSignIn.SignedInAt(user) is not { } signedInAt || now - signedInAt >= lifetime)
        {
            await EndAsync(context);
            return;
        }

        var db = services.GetRequiredService<NotifierDbContext>();
        var account = await db.Accounts.AsNoTracking().Where(a => a.Id == accountId)
            .Select(a => new { a.Status, a.ConnectedAt }).SingleOrDefaultAsync(context.HttpContext.RequestAborted);
        var since = OwnerSignIn.ConnectedAt(user);
        if (account is null || account.Status == AccountStatus.Unlinked || (since is not null && Microseconds(account.ConnectedAt) > Microseconds(since.Value)))
        {
            await EndAsync(context);
        }
    }

    private static async Task EndAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await OwnerSignIn.SignOutAsync(context.HttpContext);
    }

    // MariaDB keeps microseconds (datetime(6)); the claim was written from the unrounded value.
    private static long Microseconds(DateTime time) => time.Ticks / 10;
}
