using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.Extensions.Options;
using Notifier.Api.ApiKeys;

namespace Notifier.Api.Hosting;

/// <summary>
/// Every request is answered within <c>Api:RequestTimeoutSeconds</c>: past it, the request's cancellation token fires
/// and the client gets 503 with Retry-After (a problem for programs, a page in the browser: ReadableStatusPages).
/// Without it a request during a MariaDB outage waited out EF's retries, about a minute, longer than a proxy waits.
/// Handlers that must finish once started ignore the token where it matters (the intake waits for its group's commit;
/// a token refresh stores what Kakao answered), so a deadline never leaves a half-done change behind.
/// </summary>
internal static class RequestDeadline
{
    /// <summary>What a client is told to wait before it tries again.</summary>
    public const int RetryAfterSeconds = 5;

    public static IServiceCollection AddRequestDeadline(this IServiceCollection services)
    {
        services.AddRequestTimeouts();
        services.AddOptions<RequestTimeoutOptions>().Configure<IOptions<ApiOptions>>((o, api) => o.DefaultPolicy = new RequestTimeoutPolicy
        {
            Timeout = TimeSpan.FromSeconds(api.Value.RequestTimeoutSeconds),
            TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable,
            WriteTimeoutResponse = context =>
            {
                // The body is written by the status-code pages, as for every other bodiless error.
                context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Task.CompletedTask;
            },
        });
        return services;
    }
}
