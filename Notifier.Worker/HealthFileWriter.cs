using Microsoft.Extensions.Options;
using Notifier.Core.Data;

namespace Notifier.Worker;

/// <summary>
/// The Worker's health signal for its container: while the database answers, the health file is rewritten every
/// interval; <c>--health-probe</c> (<see cref="HealthProbe"/>) reports healthy while the file is fresh.
/// </summary>
internal sealed partial class HealthFileWriter(
    IServiceScopeFactory scopes,
    IOptions<WorkerOptions> options,
    TimeProvider time,
    ILogger<HealthFileWriter> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(o.HealthIntervalSeconds), time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                using var patience = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                patience.CancelAfter(DatabasePing.Timeout);
                await DatabasePing.PingAsync(scope.ServiceProvider.GetRequiredService<NotifierDbContext>(), patience.Token);
                await File.WriteAllTextAsync(o.HealthFile, time.GetUtcNow().ToString("O"), stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogUnhealthy(logger, ex.GetType().Name);
            }
        }
        while (await WaitAsync(timer, stoppingToken));

        File.Delete(o.HealthFile);
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(LogLevel.Warning, "Health check failed ({Reason}); the health file goes stale")]
    private static partial void LogUnhealthy(ILogger logger, string reason);
}
