using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Notifier.Api.ApiKeys;
using Notifier.Core.Accounts;
using Notifier.Core.Kakao;

namespace Notifier.Api.Accounts;

/// <summary>
/// The connected accounts. An owner key sees and acts on its own account only; any other id is 404, as if it did not
/// exist. An operator key sees every account.
/// </summary>
internal static class AccountsApi
{
    public static RouteGroupBuilder MapAccounts(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapApiGroup("/api/accounts", "Accounts");
        api.MapGet("/", ListAsync);
        api.MapGet("/{id:long}", GetAsync);
        api.MapPost("/{id:long}/refresh", RefreshAsync);
        api.MapDelete("/{id:long}", DisconnectAsync);
        return api;
    }

    /// <summary>
    /// Disconnects the account: Kakao's unlink, then the tokens deleted, queued messages failed, schedules disabled and
    /// browser sessions ended. The local part happens even when Kakao is unreachable; the answer says how Kakao's went.
    /// </summary>
    private static async Task<Results<Ok<AccountDisconnected>, ProblemHttpResult>> DisconnectAsync(
        long id, ClaimsPrincipal user, AccountDisconnector disconnector, CancellationToken cancellationToken) =>
        ApiCaller.From(user).MayActOn(id) && await disconnector.DisconnectAsync(id, cancellationToken) is { } done
            ? TypedResults.Ok(AccountDisconnected.From(done))
            : NotFound(id);

    private static async Task<Ok<List<AccountView>>> ListAsync(ClaimsPrincipal user, AccountViews views, CancellationToken cancellationToken) =>
        TypedResults.Ok(await views.ListAsync(ApiCaller.From(user).AccountId, cancellationToken));

    private static async Task<Results<Ok<AccountView>, ProblemHttpResult>> GetAsync(long id, ClaimsPrincipal user, AccountViews views, CancellationToken cancellationToken) =>
        ApiCaller.From(user).MayActOn(id) && await views.GetAsync(id, cancellationToken) is { } view ? TypedResults.Ok(view) : NotFound(id);

    /// <summary>
    /// Refreshes the account's tokens now and returns the account as it then is. At most once a minute per account
    /// (<see cref="ManualRefreshCooldown"/>): the next is 429 with Retry-After, so no caller can burn Kakao's token limits.
    /// </summary>
    private static async Task<Results<Ok<AccountView>, ProblemHttpResult>> RefreshAsync(
        long id, ClaimsPrincipal user, HttpResponse response, AccessTokenService tokens, AccountViews views, ManualRefreshCooldown cooldown,
        CancellationToken cancellationToken)
    {
        if (!ApiCaller.From(user).MayActOn(id) || await views.GetAsync(id, cancellationToken) is null)
        {
            return NotFound(id);
        }

        if (await cooldown.TryTakeAsync(id, cancellationToken) is { } wait)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Refreshed a moment ago",
                detail: $"Account {id} can be refreshed once a minute; retry after {seconds} s.");
        }

        try
        {
            await tokens.ForceRefreshAsync(id, cancellationToken);
        }
        catch (AccountUnavailableException ex)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The account needs its owner",
                detail: $"{ex.Message}. Its owner must connect KakaoTalk again on Notifier's home page.");
        }
        catch (KakaoUnavailableException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway, title: "Kakao is unreachable",
                detail: "Kakao's token endpoint did not answer; the stored tokens are unchanged. Try again later.");
        }
        catch (KakaoAuthException ex)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway, title: "Kakao refused the refresh",
                detail: $"Kakao answered {ex.ErrorCode}; the stored tokens are unchanged.");
        }

        return TypedResults.Ok((await views.GetAsync(id, cancellationToken))!);
    }

    private static ProblemHttpResult NotFound(long id) => ApiGroup.NotFound("account", id);
}
