using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Notifier.Core.Accounts;

/// <summary>
/// Applies the unlinks the webhook recorded: right after each call, at start (requests left by a crash), and every few
/// minutes. A failed try (the account row stayed locked past the database's lock wait) is retried a few times with a
/// growing pause, then left for the next wake.
/// </summary>
public sealed partial class UnlinkApplier(IServiceScopeFactory scopes, UnlinkSignal signal, ILogger<UnlinkApplier> logger) : BackgroundService
{
    private const int Attempts = 3;
    private static readonly TimeSpan Sweep = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await ApplyWithRetriesAsync(stoppingToken);
            try
            {
                await signal.WaitAsync(Sweep, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task ApplyWithRetriesAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; attempt <= Attempts && !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<AccountUnlinker>().ApplyPendingAsync(stoppingToken);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogApplyFailed(logger, attempt, ex.GetType().Name);
                try
                {
                    // A real pause between tries, not a test clock: the database's locks are released in real time.
                    await Task.Delay(TimeSpan.FromSeconds(attempt * 2), stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Could not apply the recorded Kakao unlinks (attempt {Attempt}): {ExceptionType}; tried again later")]
    private static partial void LogApplyFailed(ILogger logger, int attempt, string exceptionType);
}
