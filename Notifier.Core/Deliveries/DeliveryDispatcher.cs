using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Notifier.Core.Data;

namespace Notifier.Core.Deliveries;

/// <summary>One round of the outbox: claim a batch, send it with bounded parallelism, record each outcome.</summary>
public sealed partial class DeliveryDispatcher(IServiceScopeFactory scopes, IOptions<DispatchOptions> options, ILogger<DeliveryDispatcher> logger)
{
    /// <summary>
    /// Returns how many deliveries it handled. <paramref name="stopClaiming"/> only stops the claim: what was claimed is
    /// sent and recorded (each Kakao call is bounded by its timeout), so a shutdown leaves no row half-done.
    /// </summary>
    public async Task<int> DispatchOnceAsync(CancellationToken stopClaiming)
    {
        IReadOnlyList<ClaimedDelivery> claimed;
        Dictionary<long, Accounts.Account> accounts;
        await using (var scope = scopes.CreateAsyncScope())
        {
            claimed = await scope.ServiceProvider.GetRequiredService<DeliveryClaimer>().ClaimAsync(stopClaiming);
            if (claimed.Count == 0)
            {
                return 0;
            }

            Metrics.NotifierMetrics.RecordClaim(claimed.Count);
            var ids = claimed.Select(c => c.AccountId).Distinct().ToList();
            accounts = await scope.ServiceProvider.GetRequiredService<NotifierDbContext>().Accounts.AsNoTracking()
                .Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, CancellationToken.None);
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.Parallelism };
        await Parallel.ForEachAsync(claimed, parallel, async (delivery, _) =>
        {
            try
            {
                await SendOneAsync(delivery, accounts);
            }
            catch (Exception ex)
            {
                // The database failed under this one row: it stays leased and is taken again when the lease runs out;
                // the rest of the batch goes on.
                LogDeliveryFailed(logger, delivery.Id, ex);
            }
        });
        return claimed.Count;
    }

    private async Task SendOneAsync(ClaimedDelivery delivery, Dictionary<long, Accounts.Account> accounts)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        if (!await services.GetRequiredService<DeliveryClaimer>().RenewLeaseAsync(delivery, CancellationToken.None))
        {
            return; // another dispatcher holds it now: sending it here too would be a duplicate
        }

        var outcome = accounts.TryGetValue(delivery.AccountId, out var account)
            ? await services.GetRequiredService<DeliverySender>().SendAsync(delivery, account, CancellationToken.None)
            : new SendOutcome.Failed("The account no longer exists");
        Metrics.NotifierMetrics.RecordSend(outcome);
        await services.GetRequiredService<DeliveryOutcomeWriter>().RecordAsync(delivery, outcome, CancellationToken.None);
    }

    [LoggerMessage(LogLevel.Warning, "Delivery {DeliveryId} could not be handled; it is taken again when its lease runs out")]
    private static partial void LogDeliveryFailed(ILogger logger, long deliveryId, Exception exception);
}
