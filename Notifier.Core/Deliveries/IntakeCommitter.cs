using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MySqlConnector;
using Notifier.Core.Data;
using Notifier.Core.Metrics;

namespace Notifier.Core.Deliveries;

/// <summary>
/// This process's group committer: requests validated on their own threads wait here while one loop stores them in
/// groups (up to <see cref="MaxGroup"/> rows, or what came within <see cref="MaxWait"/> of the group's first), one
/// multi-row insert each (<see cref="IntakeGroupWriter"/>). A request is answered only after its group committed. A
/// failed group fails only its own rows: each is tried once more alone, then answered <see cref="IntakeResult.NotStored"/>.
/// On stop it takes no more rows (callers then commit alone) and stores what it holds. docs/decisions/0016.
/// </summary>
public sealed partial class IntakeCommitter(IServiceScopeFactory scopes, DispatchSignal signal, ILogger<IntakeCommitter> logger) : IHostedService
{
    public const int MaxGroup = 256;

    public static readonly TimeSpan MaxWait = TimeSpan.FromMilliseconds(2);

    /// <summary>How long the loop keeps its connection open with nothing to store.</summary>
    private static readonly TimeSpan IdleClose = TimeSpan.FromSeconds(5);

    private readonly Channel<Pending> _channel = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private Task _loop = Task.CompletedTask;

    /// <summary>Stores <paramref name="row"/> with the next group (or alone, when the loop is not running) and answers once it is committed.</summary>
    public Task<IntakeResult> SubmitAsync(IntakeRow row)
    {
        var pending = new Pending(row);
        return _channel.Writer.TryWrite(pending) ? pending.Done.Task : CommitAloneAsync(row);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _loop = Task.Run(RunAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _channel.Writer.TryComplete();
        await _loop.WaitAsync(cancellationToken);
    }

    private async Task RunAsync()
    {
        var reader = _channel.Reader;
        var group = new List<Pending>(MaxGroup);
        AsyncServiceScope? held = null;
        try
        {
            while (true)
            {
                if (held is { } idle && !reader.TryPeek(out _) && !await WaitAsync(reader, IdleClose))
                {
                    // Nothing for a while: give the connection back to the pool.
                    await idle.DisposeAsync();
                    held = null;
                }

                if (!await reader.WaitToReadAsync())
                {
                    return; // stopped and drained
                }

                await FillAsync(reader, group);
                held ??= await OpenAsync();
                if (!await CommitAsync(held.Value, group))
                {
                    await held.Value.DisposeAsync();
                    held = null;
                }

                group.Clear();
            }
        }
        finally
        {
            if (held is { } scope)
            {
                await scope.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Takes what waits, then what comes until the group's first row has waited <see cref="MaxWait"/> (counted from its
    /// hand-over, so a row that already waited for the previous group's commit does not wait the window again), up to
    /// <see cref="MaxGroup"/>.
    /// </summary>
    private static async Task FillAsync(ChannelReader<Pending> reader, List<Pending> group)
    {
        while (true)
        {
            while (group.Count < MaxGroup && reader.TryRead(out var pending))
            {
                group.Add(pending);
            }

            var left = MaxWait - Stopwatch.GetElapsedTime(group[0].Submitted);
            if (group.Count >= MaxGroup || left <= TimeSpan.Zero || !await WaitAsync(reader, left))
            {
                return;
            }
        }
    }

    /// <summary>True when a row is there to read within <paramref name="timeout"/>.</summary>
    private static async Task<bool> WaitAsync(ChannelReader<Pending> reader, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            return await reader.WaitToReadAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>A scope whose context keeps one connection open across groups: no pool reset per group.</summary>
    private async Task<AsyncServiceScope> OpenAsync()
    {
        var scope = scopes.CreateAsyncScope();
        try
        {
            await scope.ServiceProvider.GetRequiredService<NotifierDbContext>().Database.OpenConnectionAsync();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogOpenFailed(logger, ex); // the group's own attempt fails and its rows are retried alone
        }

        return scope;
    }

    private async Task<bool> CommitAsync(AsyncServiceScope scope, List<Pending> group)
    {
        var rows = group.ConvertAll(p => p.Row);
        var started = Stopwatch.GetTimestamp();
        var waited = Stopwatch.GetElapsedTime(group[0].Submitted, started);
        IntakeResult[] results;
        try
        {
            results = await scope.ServiceProvider.GetRequiredService<IntakeGroupWriter>().CommitAsync(rows, CancellationToken.None);
            NotifierMetrics.RecordIntakeGroup(group.Count, waited, Stopwatch.GetElapsedTime(started));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            NotifierMetrics.RecordIntakeGroup(group.Count, waited, Stopwatch.GetElapsedTime(started));
            LogGroupFailed(logger, ex, group.Count);
            foreach (var pending in group)
            {
                pending.Done.TrySetResult(await CommitAloneAsync(pending.Row));
            }

            return false;
        }

        Answer(group, results);
        return true;
    }

    private void Answer(List<Pending> group, IntakeResult[] results)
    {
        if (results.Any(r => r is IntakeResult.Accepted))
        {
            signal.Notify(); // committed: wake this process's dispatcher
        }

        for (var i = 0; i < group.Count; i++)
        {
            group[i].Done.TrySetResult(results[i]);
        }
    }

    /// <summary>One row in a group of its own, on a connection of its own; a failure answers <see cref="IntakeResult.NotStored"/>.</summary>
    private async Task<IntakeResult> CommitAloneAsync(IntakeRow row)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var result = (await scope.ServiceProvider.GetRequiredService<IntakeGroupWriter>().CommitAsync([row], CancellationToken.None))[0];
            if (result is IntakeResult.Accepted)
            {
                signal.Notify();
            }

            return result;
        }
        catch (Exception ex) when (row.IdempotencyKey is not null && ex.GetBaseException() is MySqlException { ErrorCode: MySqlErrorCode.LockWaitTimeout })
        {
            return new IntakeResult.KeyInFlight(); // another process holds the same key and has not committed yet
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogAloneFailed(logger, ex);
            return new IntakeResult.NotStored();
        }
    }

    private sealed record Pending(IntakeRow Row)
    {
        public long Submitted { get; } = Stopwatch.GetTimestamp();

        public TaskCompletionSource<IntakeResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    [LoggerMessage(LogLevel.Warning, "An intake group of {Rows} rows failed; each is tried once more alone")]
    private static partial void LogGroupFailed(ILogger logger, Exception exception, int rows);

    [LoggerMessage(LogLevel.Error, "An intake row failed alone too; its request is answered 500")]
    private static partial void LogAloneFailed(ILogger logger, Exception exception);

    [LoggerMessage(LogLevel.Warning, "The intake committer could not open its connection")]
    private static partial void LogOpenFailed(ILogger logger, Exception exception);
}
