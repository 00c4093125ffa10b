using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Notifier.Api.ApiKeys;
using Notifier.Core.Accounts;
using Notifier.Core.Kakao;

namespace Notifier.Api.Accounts;

internal static class AccountsApi
{
    public static RouteGroupBuilder MapAccounts(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/accounts").WithTags("Accounts").RequireAuthorization(ApiKeyAuthenticationHandler.PolicyName);
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
        long id, AccountDisconnector disconnector, CancellationToken cancellationToken) =>
        await disconnector.DisconnectAsync(id, cancellationToken) is { } done
            ? TypedResults.Ok(AccountDisconnected.From(done))
            : NotFound(id);

    private static async Task<Ok<List<AccountView>>> ListAsync(AccountViews views, CancellationToken cancellationToken) =>
        TypedResults.Ok(await views.ListAsync(null, cancellationToken));

    private static async Task<Results<Ok<AccountView>, ProblemHttpResult>> GetAsync(long id, AccountViews views, CancellationToken cancellationToken) =>
        await views.GetAsync(id, cancellationToken) is { } view ? TypedResults.Ok(view) : NotFound(id);

    /// <summary>Refreshes the account's tokens now and returns the account as it then is.</summary>
    private static async Task<Results<Ok<AccountView>, ProblemHttpResult>> RefreshAsync(
        long id, AccessTokenService tokens, AccountViews views, HttpContext http, CancellationToken cancellationToken)
    {
        if (await views.GetAsync(id, cancellationToken) is null)
        {
            return NotFound(id);
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
        catch (KakaoAuthException ex) when (ex.IsIssuanceRateLimited)
        {
            var wait = KakaoAuthException.IssuanceRateLimitWait;
            http.Response.Headers.RetryAfter = ((int)wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Kakao limits token refreshes",
                detail: $"Kakao answered {ex.ErrorCode}: this account's tokens were issued too often. The stored tokens are unchanged and still used; try again in {wait.TotalMinutes:0} minutes.");
        }
        catch (KakaoAuthException ex)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway, title: "Kakao refused the refresh",
                detail: $"Kakao answered {ex.ErrorCode}; the stored tokens are unchanged.");
        }

        return TypedResults.Ok((await views.GetAsync(id, cancellationToken))!);
    }

    private static ProblemHttpResult NotFound(long id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such account", detail: $"There is no account {id}.");
}
