using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Notifier.Api.ApiKeys;
using Notifier.Core.Data;

namespace Notifier.Api.Accounts;

internal static class AccountsApi
{
    public static RouteGroupBuilder MapAccounts(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/accounts").WithTags("Accounts").RequireAuthorization(ApiKeyAuthenticationHandler.PolicyName);
        api.MapGet("/", ListAsync);
        return api;
    }

    private static async Task<Ok<List<AccountView>>> ListAsync(NotifierDbContext db, CancellationToken cancellationToken)
    {
        var accounts = await db.Accounts.AsNoTracking().OrderBy(a => a.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(accounts.Select(AccountView.From).ToList());
    }
}
