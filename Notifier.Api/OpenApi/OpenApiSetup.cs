using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Notifier.Api.Messages;
using Scalar.AspNetCore;

namespace Notifier.Api.OpenApi;

/// <summary>The API description at <c>/openapi/v1.json</c> (every <c>/api</c> endpoint, the bearer scheme) and its Scalar reference at <c>/scalar</c>.</summary>
internal static class OpenApiSetup
{
    public const string BearerScheme = "Bearer";
    public const string BasicScheme = "Basic";
    public const string QueryScheme = "AuthQuery";

    public static IServiceCollection AddNotifierOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Notifier",
                    Version = "v1",
                    Description = "Send KakaoTalk \"send to me\" memo cards now or on schedules. Every /api call needs an API key: an owner key (made on the /keys page, `ntf_…`, acts on its owner's account only) or an operator key from Api:Keys (every account). Send it as `Authorization: Bearer <key>`, as `Authorization: Basic base64(anyuser:<key>)`, or as `?auth=<base64 of such an Authorization value>` (ntfy's clients send these). Each key has its own rate limit (429 with Retry-After). Errors are RFC 9457 problem details.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "`Authorization: Bearer <key>`: an owner key (`ntf_…`, from the /keys page) or an operator key from Api:Keys.",
                };
                document.Components.SecuritySchemes[BasicScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "basic",
                    Description = "`Authorization: Basic base64(user:<key>)`: any user name, the API key as the password.",
                };
                document.Components.SecuritySchemes[QueryScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Query,
                    Name = "auth",
                    Description = "`?auth=` the base64 (URL-safe or standard, padding optional) of an Authorization value, e.g. base64(\"Bearer <key>\"), as ntfy's clients send it.",
                };
                return Task.CompletedTask;
            });
            o.AddOperationTransformer((operation, context, _) =>
            {
                if (context.Description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true)
                {
                    operation.Security ??= [];
                    // Any one of the three forms (requirements in a list are alternatives).
                    foreach (var scheme in new[] { BearerScheme, BasicScheme, QueryScheme })
                    {
                        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, context.Document)] = [] });
                    }

                    operation.Responses ??= new OpenApiResponses();
                    operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No valid API key, or a malformed credential (problem details)." });
                    operation.Responses.TryAdd("429", new OpenApiResponse { Description = "Over this API key's rate limit: Retry-After says when to retry (problem details)." });
                    operation.Responses.TryAdd("503", new OpenApiResponse { Description = "Not answered within Api:RequestTimeoutSeconds (the database may be restarting): Retry-After says when to retry (problem details)." });
                }

                if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IdempotencyKeyHeader.Accepted>().Any())
                {
                    operation.Parameters ??= [];
                    operation.Parameters.Add(new OpenApiParameter
                    {
                        Name = IdempotencyKeyHeader.Name,
                        In = ParameterLocation.Header,
                        Description = $"Optional, 1 to {IdempotencyKeyHeader.MaxLength} printable characters, per API key: the same request sent again with it is answered as the first was and stored once; another request with it is 422. Remembered for Schedules:IdempotencyKeyHours.",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = IdempotencyKeyHeader.MaxLength },
                    });
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
