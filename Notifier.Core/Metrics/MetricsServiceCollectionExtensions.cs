using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Notifier.Core.Metrics;

public static class MetricsServiceCollectionExtensions
{
    /// <summary>Binds and validates <see cref="MetricsOptions"/>, and returns them for the host's wiring decisions.</summary>
    public static MetricsOptions AddNotifierMetricsOptions(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        return builder.Configuration.GetSection(MetricsOptions.SectionName).Get<MetricsOptions>() ?? new MetricsOptions();
    }

    /// <summary>The database-backed cluster gauges; resolve <see cref="ClusterGauges"/> once to create them.</summary>
    public static IServiceCollection AddClusterGauges(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ClusterSnapshotReader>();
        services.TryAddSingleton<ClusterSnapshotCache>();
        services.TryAddSingleton<ClusterGauges>();
        return services;
    }
}
