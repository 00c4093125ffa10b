using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Notifier.Api.OpenApi;

/// <summary>The API description at <c>/openapi/v1.json</c> (every <c>/api</c> endpoint, the bearer scheme) and its Scalar reference at <c>/scalar</c>.</summary>
internal static class OpenApiSetup
{
    public const string BearerScheme = "Bearer";

    public static IServiceCollection AddNotifierOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Notifier",
                    Version = "v1",
                    Description = "Send KakaoTalk \"send to me\" memo cards now or on schedules. Every /api call needs `Authorization: Bearer <key>` with a key from Api:Keys; errors are RFC 9457 problem details.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "An API key from Api:Keys.",
                };
                return Task.CompletedTask;
            });
            o.AddOperationTransformer((operation, context, _) =>
            {
                if (context.Description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true)
                {
                    operation.Security ??= [];
                    operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] });
                    operation.Responses ??= new OpenApiResponses();
                    operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No valid API key (problem details)." });
                }

                MessageShapeExamples.Apply(operation, context);

                return Task.CompletedTask;
            });
        });

    public static WebApplication MapNotifierOpenApi(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference(o => o.WithTitle("Notifier API"));
        return app;
    }
}
