using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Notifier.Core.Deliveries;

/// <summary>
/// Runs the dispatcher in this process until shutdown: a full batch is followed at once by the next claim; otherwise
/// it waits for a local enqueue or the poll interval. On stop it claims nothing more and finishes what it holds.
/// </summary>
internal sealed partial class DispatcherService(
    DeliveryDispatcher dispatcher,
    DispatchSignal signal,
    IOptions<DispatchOptions> options,
    ILogger<DispatcherService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        LogStarted(logger, o.NodeId, o.Parallelism, o.BatchSize);
        while (!stoppingToken.IsCancellationRequested)
        {
            var handled = 0;
            try
            {
                handled = await dispatcher.DispatchOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // The database or Kakao is down: rows stay queued or leased and are taken again later.
                LogRoundFailed(logger, ex);
            }

            if (handled >= o.BatchSize)
            {
                continue;
            }

            try
            {
                await signal.WaitAsync(TimeSpan.FromMilliseconds(o.PollIntervalMilliseconds), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        LogStopped(logger, o.NodeId);
    }

    [LoggerMessage(LogLevel.Information, "Dispatcher {NodeId} started (parallelism {Parallelism}, batch {BatchSize})")]
    private static partial void LogStarted(ILogger logger, string nodeId, int parallelism, int batchSize);

    [LoggerMessage(LogLevel.Warning, "A dispatch round failed; retrying after the poll interval")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);

    [LoggerMessage(LogLevel.Information, "Dispatcher {NodeId} stopped")]
    private static partial void LogStopped(ILogger logger, string nodeId);
}
