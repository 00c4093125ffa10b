using System.Globalization;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Notifier.Core.Accounts;
using Notifier.Core.Data;

namespace Notifier.Api.Auth;

/// <summary>
/// Ends owner sessions that no longer belong to a link: the account was disconnected or unlinked, or connected again
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

        var db = context.HttpContext.RequestServices.GetRequiredService<NotifierDbContext>();
        var account = await db.Accounts.AsNoTracking().Where(a => a.Id == accountId)
            .Select(a => new { a.Status, a.ConnectedAt }).SingleOrDefaultAsync(context.HttpContext.RequestAborted);
        var since = long.TryParse(user.FindFirst(OwnerSignIn.ConnectedAtClaim)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            ? new DateTime(ticks, DateTimeKind.Utc)
            : (DateTime?)null;
        if (account is null || account.Status == AccountStatus.Unlinked || (since is not null && Microseconds(account.ConnectedAt) > Microseconds(since.Value)))
        {
            context.RejectPrincipal();
            await OwnerSignIn.SignOutAsync(context.HttpContext);
        }
    }

    // MariaDB keeps microseconds (datetime(6)); the claim was written from the unrounded value.
    private static long Microseconds(DateTime time) => time.Ticks / 10;
}
