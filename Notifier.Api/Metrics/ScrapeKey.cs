using System.Security.Cryptography;
using System.Text;

namespace Notifier.Api.Metrics;

/// <summary>The optional <c>Metrics:ScrapeKey</c>: <c>/metrics</c> answers 401 without <c>Authorization: Bearer {key}</c>.</summary>
internal static class ScrapeKey
{
    public static Func<HttpContext, RequestDelegate, Task> Require(string key)
    {
        var expected = Encoding.UTF8.GetBytes(key.Trim());
        return (context, next) =>
        {
            var header = context.Request.Headers.Authorization.ToString();
            var presented = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? Encoding.UTF8.GetBytes(header[7..].Trim()) : [];
            if (CryptographicOperations.FixedTimeEquals(presented, expected))
            {
                return next(context);
            }

            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return Task.CompletedTask;
        };
    }
}
