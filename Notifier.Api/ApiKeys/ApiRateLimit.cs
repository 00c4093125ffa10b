using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Notifier.Api.ApiKeys;

/// <summary>
/// A token bucket per API key (<see cref="ApiRateLimitOptions"/>), kept in this Api process: several Api processes
/// each allow a key its rate. Over it: 429 with <c>Retry-After</c> and a problem body.
/// </summary>
internal static class ApiRateLimit
{
    public const string PolicyName = "PerApiKey";

    public static IServiceCollection AddApiRateLimit(this IServiceCollection services) =>
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(PolicyName, context =>
            {
                // Runs after authentication: an anonymous request was answered 401 already.
                var caller = context.User.Identity?.IsAuthenticated == true ? ApiCaller.From(context.User).Scope() : "";
                var settings = context.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.RateLimit;
                return RateLimitPartition.GetTokenBucketLimiter(caller, _ => Bucket(settings));
            });
            o.OnRejected = RejectAsync;
        });

    /// <summary>Whole tokens per period: 0.5 a second is one token every two seconds.</summary>
    private static TokenBucketRateLimiterOptions Bucket(ApiRateLimitOptions settings)
    {
        var tokens = Math.Max(1, (int)Math.Floor(settings.PermitsPerSecond));
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = settings.Burst,
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = TimeSpan.FromSeconds(tokens / settings.PermitsPerSecond),
            QueueLimit = 0,
            AutoReplenishment = true,
        };
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests for this API key",
                Detail = $"This API key sent more than its rate allows (Api:RateLimit). Retry after {seconds} s.",
            },
        });
    }
}
