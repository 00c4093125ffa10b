using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Notifier.Core.Deliveries;

/// <summary>
/// Runs the dispatcher (<see cref="DispatchPipeline"/>) in this process until shutdown. On stop it claims nothing more
/// and finishes what it holds.
/// </summary>
internal sealed partial class DispatcherService(
    DispatchPipeline pipeline,
    IOptions<DispatchOptions> options,
    ILogger<DispatcherService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        LogStarted(logger, o.NodeId, o.Parallelism, o.BatchSize);
        await pipeline.RunAsync(stoppingToken);
        LogStopped(logger, o.NodeId);
    }

    [LoggerMessage(LogLevel.Information, "Dispatcher {NodeId} started (parallelism {Parallelism}, batch {BatchSize})")]
    private static partial void LogStarted(ILogger logger, string nodeId, int parallelism, int batchSize);

    [LoggerMessage(LogLevel.Information, "Dispatcher {NodeId} stopped")]
    private static partial void LogStopped(ILogger logger, string nodeId);
}
