using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Notifier.Api.ApiKeys;

namespace Notifier.Api.Pages;

/// <summary>
/// An error status with no body (a form refused for its missing or stale antiforgery token, an unknown address) reads
/// as a page in the browser, and as problem details everywhere programs call (<c>/api</c>, Kakao's webhook, health,
/// metrics, the API description).
/// </summary>
internal static class ReadableStatusPages
{
    private const string NotInTime =
        "Notifier could not answer in time: its database may be restarting or unreachable. Try again in a few seconds.";

    private static readonly string[] ProgramPaths = ["/api", "/kakao", "/health", "/metrics", "/openapi", "/scalar", "/hooks", "/v1"];

    /// <summary>Programs call the paths above and every endpoint that takes an API key (ntfy's <c>/{topic}</c> too).</summary>
    private static bool IsForPrograms(HttpContext http) =>
        ProgramPaths.Any(p => http.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))
        || http.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == ApiKeyAuthenticationHandler.PolicyName) == true;

    public static IApplicationBuilder UseReadableStatusPages(this IApplicationBuilder app) =>
        app.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            if (IsForPrograms(http))
            {
                var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
                var problem = new ProblemDetailsContext { HttpContext = http, ProblemDetails = { Status = http.Response.StatusCode } };
                if (http.Response.StatusCode == StatusCodes.Status503ServiceUnavailable)
                {
                    problem.ProblemDetails.Detail = NotInTime;
                }

                if (!await problems.TryWriteAsync(problem))
                {
                    await http.Response.WriteAsync($"Status Code: {http.Response.StatusCode}");
                }

                return;
            }

            var (title, message) = http.Response.StatusCode switch
            {
                StatusCodes.Status400BadRequest => ("This form was not accepted",
                    "It came without Notifier's security token, or the token expired. Nothing was changed. Go back, reload the page and try again."),
                StatusCodes.Status404NotFound => ("Not found", "There is no page at this address."),
                StatusCodes.Status405MethodNotAllowed => ("Not possible here", "This address does not take that kind of request. Nothing was changed."),
                StatusCodes.Status503ServiceUnavailable => ("Not available just now", NotInTime),
                var status => ("Something went wrong", $"Notifier answered {status}. Nothing was changed."),
            };
            await new RazorComponentResult<MessagePage>(new Dictionary<string, object?>
            {
                [nameof(MessagePage.Title)] = title,
                [nameof(MessagePage.Message)] = message,
            })
            { StatusCode = http.Response.StatusCode }.ExecuteAsync(http);
        });
}
