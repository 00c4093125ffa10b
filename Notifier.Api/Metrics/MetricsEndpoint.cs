using Microsoft.Extensions.Options;
using Notifier.Core.Metrics;
using OpenTelemetry.Metrics;

namespace Notifier.Api.Metrics;

/// <summary>
/// <c>GET /metrics</c> in Prometheus text: the cluster gauges read from the database at scrape time, this process's
/// dispatch metrics (it dispatches in the single-process default) and its HTTP server metrics. Off with
/// <c>Metrics:Enabled=false</c> (then 404); behind <c>Metrics:ScrapeKey</c> when one is set.
/// </summary>
internal static class MetricsEndpoint
{
    public const string Path = "/metrics";

    public static WebApplicationBuilder AddNotifierMetrics(this WebApplicationBuilder builder)
    {
        if (!builder.AddNotifierMetricsOptions().Enabled)
        {
            return builder;
        }

        builder.Services.AddClusterGauges();
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(ClusterGauges.MeterName, NotifierMetrics.MeterName)
            .AddInstrumentation(services => services.GetRequiredService<ClusterGauges>())
            .AddAspNetCoreInstrumentation()
            .AddPrometheusExporter());
        return builder;
    }

    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder routes)
    {
        var options = routes.ServiceProvider.GetRequiredService<IOptions<MetricsOptions>>().Value;
        if (options.Enabled)
        {
            routes.MapPrometheusScrapingEndpoint(Path, meterProvider: null,
                configureBranchedPipeline: options.ScrapeKey is { } key ? pipeline => pipeline.Use(ScrapeKey.Require(key)) : null,
                optionsName: null);
        }

        return routes;
    }
}
