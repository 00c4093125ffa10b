namespace Notifier.Api.Tests.Metrics;

/// <summary>
/// OpenTelemetry listens to meters by name, across every host in the process: an Api host alive beside another would
/// scrape that one's cluster gauges too. The tests that scrape gauges therefore run alone, after the parallel ones.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsScrapes
{
    public const string Name = "Metrics scrapes";
}
