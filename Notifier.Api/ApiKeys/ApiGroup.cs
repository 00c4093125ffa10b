namespace Notifier.Api.ApiKeys;

/// <summary>How every <c>/api</c> feature group starts: an API key required, the per-key rate limit applied.</summary>
internal static class ApiGroup
{
    public static RouteGroupBuilder MapApiGroup(this IEndpointRouteBuilder routes, string prefix, string tag) =>
        routes.MapGroup(prefix).WithTags(tag)
            .RequireAuthorization(ApiKeyAuthenticationHandler.PolicyName)
            .RequireRateLimiting(ApiRateLimit.PolicyName)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    /// <summary>The answer for an id the caller may not see: the same 404 as for one that does not exist, so neither is revealed.</summary>
    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NotFound(string what, long id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No such {what}", detail: $"There is no {what} {id}.");
}
