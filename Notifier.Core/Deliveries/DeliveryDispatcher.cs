using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Notifier.Core.Accounts;

namespace Notifier.Core.Deliveries;

/// <summary>
/// The steps of the outbox, each on its own scope and one database connection: claim a page, send one of its rows,
/// record a group of finished sends. <see cref="DispatchPipeline"/> runs them as a pipeline; <see cref="DispatchOnceAsync"/>
/// runs one round of them (claim, send all, record each), which tests drive step by step.
/// </summary>
public sealed partial class DeliveryDispatcher(
    IServiceScopeFactory scopes,
    IServiceProvider services,
    TimeProvider time,
    TokenVault vault,
    IOptions<TokenOptions> tokenOptions,
    IOptions<DispatchOptions> options,
    ILogger<DeliveryDispatcher> logger)
{
    /// <summary>Claims the next page (empty when nothing is due, or while Kakao limits the app).</summary>
    public async Task<DispatchPage> ClaimAsync(CancellationToken cancellationToken)
    {
        ClaimedPage claimed;
        await using (var scope = scopes.CreateAsyncScope())
        {
            claimed = await scope.ServiceProvider.GetRequiredService<DeliveryClaimer>().ClaimPageAsync(cancellationToken);
        }

        if (claimed.Rows.Count > 0)
        {
            Metrics.NotifierMetrics.RecordClaim(claimed.Rows.Count);
        }

        var tokens = new PageTokens(claimed.Accounts, vault, scopes, time, tokenOptions.Value);
        return new DispatchPage(claimed, tokens, time, TimeSpan.FromSeconds(options.Value.LeaseSeconds));
    }

    /// <summary>
    /// Sends one row of a page; null when it is not to be sent here (taken over while it waited). Throws only when the
    /// database failed under it: the row stays leased and is taken again when its lease runs out.
    /// </summary>
    public async Task<FinishedSend?> SendAsync(DispatchPage page, ClaimedDelivery delivery, DeliverySender sender)
    {
        if (!await page.StartAsync(delivery, RenewAsync))
        {
            return null;
        }

        var outcome = await sender.SendAsync(delivery, page.Tokens, CancellationToken.None);
        Metrics.NotifierMetrics.RecordSend(outcome);
        return new FinishedSend(delivery, outcome);
    }

    /// <summary>A sender for one page's sends (its Kakao client comes from the HTTP client factory).</summary>
    public DeliverySender Sender() => services.GetRequiredService<DeliverySender>();

    /// <summary>Records finished sends on one connection; what could not be recorded stays in <paramref name="group"/>.</summary>
    public async Task RecordAsync(List<FinishedSend> group)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DeliveryOutcomeWriter>().RecordGroupAsync(group, CancellationToken.None);
    }

    /// <summary>
    /// One round: claim a page, send it with bounded parallelism, record each outcome as it comes. Returns how many rows
    /// it claimed. <paramref name="stopClaiming"/> only stops the claim: what was claimed is sent and recorded.
    /// </summary>
    public async Task<int> DispatchOnceAsync(CancellationToken stopClaiming)
    {
        var page = await ClaimAsync(stopClaiming);
        if (page.Claimed.Rows.Count == 0)
        {
            return 0;
        }

        var sender = Sender();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.Parallelism };
        await Parallel.ForEachAsync(page.Claimed.Rows, parallel, async (delivery, _) =>
        {
            try
            {
                if (await SendAsync(page, delivery, sender) is { } finished)
                {
                    await RecordAsync([finished]);
                }
            }
            catch (Exception ex)
            {
                LogDeliveryFailed(logger, delivery.Id, ex);
            }
        });
        return page.Claimed.Rows.Count;
    }

    private async Task<IReadOnlySet<long>> RenewAsync(IReadOnlyList<ClaimedDelivery> rows, DateTime leaseUntil)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DeliveryClaimer>().RenewLeasesAsync(rows, leaseUntil, CancellationToken.None);
    }

    [LoggerMessage(LogLevel.Warning, "Delivery {DeliveryId} could not be handled; it is taken again when its lease runs out")]
    internal static partial void LogDeliveryFailed(ILogger logger, long deliveryId, Exception exception);
}
