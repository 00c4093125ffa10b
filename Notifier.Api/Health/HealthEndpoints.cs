using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Notifier.Api.Health;

internal static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    /// <summary>Liveness answers while the process runs; readiness also needs the database.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder routes)
    {
        routes.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).ExcludeFromDescription();
        routes.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag) }).ExcludeFromDescription();
        return routes;
    }
}
