using Notifier.Core.Metrics;
using OpenTelemetry.Metrics;

namespace Notifier.Worker;

/// <summary>
/// With <c>Metrics:WorkerPort</c> set, this Worker serves its own dispatch metrics (sends by outcome, Kakao call
/// duration, claim sizes) at <c>http://*:{port}/metrics</c> in Prometheus text. The cluster-wide gauges are the Api's.
/// </summary>
internal static class WorkerMetrics
{
    public static HostApplicationBuilder AddWorkerMetrics(this HostApplicationBuilder builder)
    {
        var options = builder.AddNotifierMetricsOptions();
        if (!options.Enabled || options.WorkerPort is not { } port)
        {
            return builder;
        }

        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(NotifierMetrics.MeterName)
            .AddPrometheusHttpListener(listener =>
            {
                listener.Port = port;
                // Every interface and any Host header: a container's port is reached from outside it. The exporter's
                // Host option goes through UriBuilder, which refuses the wildcard, so the prefix is set here.
                listener.ConfigureHttpListener = (_, http) =>
                {
                    http.Prefixes.Clear();
                    http.Prefixes.Add($"http://*:{port}/metrics/");
                };
            }));
        return builder;
    }
}
