using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Notifier.Bench;

/// <summary>
/// The bench's own "bare" endpoint, added in front of the Api's pipeline (never part of the product): <c>POST /bench/bare</c>
/// reads nothing and answers 202, so its rate is what Kestrel and this machine allow.
/// </summary>
internal sealed class BareEndpoint : IStartupFilter
{
    public const string Path = "/bench/bare";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, following) =>
        {
            if (context.Request.Path == Path)
            {
                context.Response.StatusCode = StatusCodes.Status202Accepted;
                return Task.CompletedTask;
            }

            return following(context);
        });
        next(app);
    };
}
