using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Notifier.Core;

namespace Notifier.Api.Hosting;

/// <summary>When <c>Notifier:PublicUrl</c> is set, the API description names it as the server, not the request's host.</summary>
internal static class PublicServerInOpenApi
{
    public const string DocumentName = "v1";

    public static IServiceCollection AddPublicServerInOpenApi(this IServiceCollection services)
    {
        services.AddOptions<OpenApiOptions>(DocumentName).Configure(o => o.AddDocumentTransformer((document, context, _) =>
        {
            var notifier = context.ApplicationServices.GetRequiredService<IOptions<NotifierOptions>>().Value;
            if (notifier.PublicUri is { } publicUri)
            {
                document.Servers = [new OpenApiServer { Url = publicUri.AbsoluteUri.TrimEnd('/') }];
            }

            return Task.CompletedTask;
        }));
        return services;
    }
}
