namespace Notifier.Api.Hosting;

/// <summary>
/// Headers every response carries (<c>X-Content-Type-Options</c>, <c>Referrer-Policy</c>), and on Notifier's own HTML
/// pages a Content-Security-Policy that allows what they use and nothing else: they run no script, their styles are
/// one inline block, forms post only to Notifier, and no other site may frame them. The API reference page
/// (<c>/scalar</c>) is a script application and keeps what it needs.
/// </summary>
internal static class SecurityHeaders
{
    public const string PagePolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            if (IsPage(context))
            {
                headers.ContentSecurityPolicy = PagePolicy;
                headers.XFrameOptions = "DENY";
            }

            return Task.CompletedTask;
        });
        return next(context);
    });

    private static bool IsPage(HttpContext context) =>
        context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true
        && !context.Request.Path.StartsWithSegments("/scalar", StringComparison.OrdinalIgnoreCase);
}
