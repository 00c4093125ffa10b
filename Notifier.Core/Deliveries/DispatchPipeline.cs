using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Notifier.Core.Deliveries;

/// <summary>
/// The dispatcher as a pipeline: one claimer keeps a bounded channel of claimed rows topped up (it claims the next page
/// as soon as fewer than <c>Dispatch:Parallelism</c> rows wait in it), that many senders drain it, and one recorder
/// writes their outcomes in groups (up to <c>Parallelism</c> outcomes, or what finished within
/// <see cref="RecordDelay"/> of the first). So sends never wait for a claim or a record, and the database sees one
/// claim per page and about one statement per group. On stop it claims nothing more, sends what it holds, records it.
/// </summary>
public sealed partial class DispatchPipeline(
    DeliveryDispatcher dispatcher,
    DispatchSignal signal,
    IOptions<DispatchOptions> options,
    ILogger<DispatchPipeline> logger)
{
    /// <summary>How long the recorder waits for more outcomes to join the first one's group.</summary>
    public static readonly TimeSpan RecordDelay = TimeSpan.FromMilliseconds(20);

    private sealed record Work(DispatchPage Page, ClaimedDelivery Delivery, DeliverySender Sender);

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        var waiting = Channel.CreateBounded<Work>(new BoundedChannelOptions(o.Parallelism) { SingleWriter = true });
        // Bounded too: while outcomes cannot be recorded (the database is down, or its retries back off), the senders
        // wait, the waiting rows stay waiting and nothing more is claimed. Unbounded, the claimer went on claiming and
        // sending rows whose outcomes then sat unrecorded past their leases, to be claimed and sent again (304 of 1,000
        // duplicated across a MariaDB restart). So what a restart can duplicate stays bounded by what one dispatcher
        // holds: Parallelism sending, Parallelism waiting, one page being handed over, Parallelism finished.
        var finished = Channel.CreateBounded<FinishedSend>(new BoundedChannelOptions(o.Parallelism) { SingleReader = true });
        var recorder = Task.Run(() => RecordAsync(finished.Reader, o.Parallelism, stoppingToken), CancellationToken.None);
        var senders = Enumerable.Range(0, o.Parallelism).Select(_ => Task.Run(() => SendAsync(waiting.Reader, finished.Writer), CancellationToken.None)).ToArray();
        try
        {
            await ClaimAsync(waiting.Writer, stoppingToken);
        }
        finally
        {
            waiting.Writer.Complete();
            await Task.WhenAll(senders);
            finished.Writer.Complete();
            await recorder;
        }
    }

    private async Task ClaimAsync(ChannelWriter<Work> waiting, CancellationToken stoppingToken)
    {
        var o = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            DispatchPage page;
            try
            {
                // Topped up: the next claim as soon as fewer than Parallelism rows wait for a sender.
                await waiting.WaitToWriteAsync(stoppingToken);
                page = await dispatcher.ClaimAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // The database is down: rows stay queued or leased and are taken again later.
                LogClaimFailed(logger, ex);
                page = null!;
            }

            if (page is not null && page.Claimed.Rows.Count > 0)
            {
                var sender = dispatcher.Sender();
                foreach (var row in page.Claimed.Rows)
                {
                    await waiting.WriteAsync(new Work(page, row, sender), CancellationToken.None); // claimed rows are always sent
                }
            }

            if (page is not null && page.Claimed.Examined >= o.BatchSize)
            {
                continue; // a full page: more is probably due
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
    }

    private async Task SendAsync(ChannelReader<Work> waiting, ChannelWriter<FinishedSend> finished)
    {
        await foreach (var work in waiting.ReadAllAsync())
        {
            try
            {
                if (await dispatcher.SendAsync(work.Page, work.Delivery, work.Sender) is { } done)
                {
                    await finished.WriteAsync(done);
                }
            }
            catch (Exception ex)
            {
                DeliveryDispatcher.LogDeliveryFailed(logger, work.Delivery.Id, ex);
            }
        }
    }

    private async Task RecordAsync(ChannelReader<FinishedSend> finished, int groupSize, CancellationToken stoppingToken)
    {
        var group = new List<FinishedSend>();
        var failures = 0;
        while (group.Count > 0 || await finished.WaitToReadAsync(CancellationToken.None))
        {
            await GatherAsync(finished, group, groupSize);
            try
            {
                await dispatcher.RecordAsync(group);
                failures = 0;
            }
            catch (Exception ex)
            {
                // Already retried by the database's execution strategy. Keep the group and try again; once the
                // process stops, what is left stays leased and is taken again when its leases run out (and the senders
                // waiting for room in the bounded channel are let through to finish).
                LogRecordFailed(logger, group.Count, ex);
                if (++failures >= 3 && (finished.Completion.IsCompleted || stoppingToken.IsCancellationRequested))
                {
                    group.Clear();
                }
                else
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(options.Value.PollIntervalMilliseconds), CancellationToken.None);
                }
            }
        }
    }

    /// <summary>Adds finished sends to the group until it is full or <see cref="RecordDelay"/> has passed.</summary>
    private static async Task GatherAsync(ChannelReader<FinishedSend> finished, List<FinishedSend> group, int groupSize)
    {
        using var window = new CancellationTokenSource(RecordDelay);
        while (group.Count < groupSize)
        {
            while (group.Count < groupSize && finished.TryRead(out var next))
            {
                group.Add(next);
            }

            if (group.Count >= groupSize)
            {
                break;
            }

            try
            {
                if (!await finished.WaitToReadAsync(window.Token))
                {
                    break; // the senders are done: record what is here
                }
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "A claim failed; trying again after the poll interval")]
    private static partial void LogClaimFailed(ILogger logger, Exception exception);

    [LoggerMessage(LogLevel.Warning, "Recording {Count} finished sends failed; trying again")]
    private static partial void LogRecordFailed(ILogger logger, int count, Exception exception);
}
