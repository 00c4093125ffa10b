using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Notifier.Core.Data;
using Notifier.Core.Metrics;

namespace Notifier.Core.Deliveries;

/// <summary>
/// One loop of the <see cref="IntakeCommitter"/>: a channel of waiting rows, read by one thread of its own that stores
/// them in groups on a connection it keeps open. The committer gives each account's rows to one lane, so an account's
/// groups are stored one after the other. docs/decisions/0016.
/// </summary>
internal sealed partial class IntakeLane(
    IServiceScopeFactory scopes, DispatchSignal signal, Func<IntakeRow, Task<IntakeResult>> commitAlone, ILogger logger)
{
    /// <summary>How long the loop keeps its connection open with nothing to store.</summary>
    private static readonly TimeSpan IdleClose = TimeSpan.FromSeconds(5);

    // The loop's blocking wait is the channel's only continuation: run inline, a hand-over wakes the loop's own thread
    // directly instead of queueing behind the requests in the thread pool.
    private readonly Channel<Pending> _channel = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = true });
    private Task _loop = Task.CompletedTask;
    private Task<bool>? _waiting;

    /// <summary>Hands <paramref name="row"/> to the next group; null when the lane has stopped taking rows.</summary>
    public Task<IntakeResult>? TrySubmit(IntakeRow row)
    {
        var pending = new Pending(row);
        return _channel.Writer.TryWrite(pending) ? pending.Done.Task : null;
    }

    /// <summary>
    /// Starts the loop on a thread of its own: it waits for rows and for its group's insert by blocking there (an
    /// ordinary group's insert runs with synchronous I/O), so under load neither the window's end nor the database's
    /// answer waits for a thread-pool thread behind the very requests it is to answer (BENCHMARKS.md, run 13).
    /// </summary>
    public void Start() => _loop = Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>Takes no more rows; completes once every row it holds is stored and answered.</summary>
    public Task StopAsync()
    {
        _channel.Writer.TryComplete();
        return _loop;
    }

    private void Run()
    {
        var group = new List<Pending>(IntakeCommitter.MaxGroup);
        AsyncServiceScope? held = null;
        try
        {
            while (true)
            {
                if (!WaitForRow(held is null ? Timeout.InfiniteTimeSpan : IdleClose))
                {
                    if (_channel.Reader.Completion.IsCompleted)
                    {
                        return; // stopped and drained
                    }

                    // Nothing for a while: give the connection back to the pool.
                    held?.Dispose();
                    held = null;
                    continue;
                }

                Fill(group);
                held ??= Open();
                if (!Commit(held.Value, group))
                {
                    held.Value.Dispose();
                    held = null;
                }

                group.Clear();
            }
        }
        finally
        {
            held?.Dispose();
        }
    }

    /// <summary>
    /// Takes what waits, then what comes until the group's first row has waited <see cref="IntakeCommitter.MaxWait"/> (counted from its
    /// hand-over, so a row that already waited for the previous group's commit does not wait the window again), up to
    /// <see cref="IntakeCommitter.MaxGroup"/>.
    /// </summary>
    private void Fill(List<Pending> group)
    {
        var reader = _channel.Reader;
        while (true)
        {
            while (group.Count < IntakeCommitter.MaxGroup && reader.TryRead(out var pending))
            {
                group.Add(pending);
            }

            var left = IntakeCommitter.MaxWait - Stopwatch.GetElapsedTime(group[0].Submitted);
            if (group.Count >= IntakeCommitter.MaxGroup || left <= TimeSpan.Zero || !WaitForRow(left))
            {
                return;
            }
        }
    }

    /// <summary>True when a row is there to read within <paramref name="timeout"/>; false on timeout or when stopped and drained.</summary>
    private bool WaitForRow(TimeSpan timeout)
    {
        var deadline = timeout == Timeout.InfiniteTimeSpan ? long.MaxValue : Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            if (_channel.Reader.TryPeek(out _))
            {
                return true;
            }

            if (_waiting is { IsCompleted: true } done)
            {
                // Rows came (and were read since) or the channel completed; a fresh wait tells which.
                _waiting = null;
                if (!done.Result)
                {
                    return false;
                }

                continue;
            }

            _waiting ??= _channel.Reader.WaitToReadAsync().AsTask();
            var left = deadline == long.MaxValue ? Timeout.InfiniteTimeSpan : Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
            if (left != Timeout.InfiniteTimeSpan && left <= TimeSpan.Zero || !_waiting.Wait(left))
            {
                return false; // still waiting: the next call goes on with the same wait
            }
        }
    }

    /// <summary>A scope whose context keeps one connection open across groups: no pool reset per group.</summary>
    private AsyncServiceScope Open()
    {
        var scope = scopes.CreateAsyncScope();
        try
        {
            // Under the intake's strategy, as the groups are: EF's own open would wait out the context's retries (about a
            // minute when the database is down) while every request queues behind it.
            var db = scope.ServiceProvider.GetRequiredService<NotifierDbContext>();
            db.Dialect.IntakeStrategy().Execute(() =>
            {
                db.Database.OpenConnection();
                db.Dialect.PrepareIntakeConnection();
            });
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogOpenFailed(logger, ex); // the group's own attempt fails and its rows are retried alone
        }

        return scope;
    }

    /// <summary>Stores the group and answers its rows (blocking this loop's thread until then); false when the group failed.</summary>
    private bool Commit(AsyncServiceScope scope, List<Pending> group)
    {
        var rows = group.ConvertAll(p => p.Row);
        var started = Stopwatch.GetTimestamp();
        var waited = Stopwatch.GetElapsedTime(group[0].Submitted, started);
        IntakeResult[] results;
        try
        {
            results = scope.ServiceProvider.GetRequiredService<IntakeGroupWriter>().CommitAsync(rows, CancellationToken.None, blocking: true).GetAwaiter().GetResult();
            NotifierMetrics.RecordIntakeGroup(group.Count, waited, Stopwatch.GetElapsedTime(started));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            NotifierMetrics.RecordIntakeGroup(group.Count, waited, Stopwatch.GetElapsedTime(started));
            LogGroupFailed(logger, ex, group.Count);
            foreach (var pending in group)
            {
                pending.Done.TrySetResult(commitAlone(pending.Row).GetAwaiter().GetResult());
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

    private sealed record Pending(IntakeRow Row)
    {
        public long Submitted { get; } = Stopwatch.GetTimestamp();

        public TaskCompletionSource<IntakeResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    [LoggerMessage(LogLevel.Warning, "An intake group of {Rows} rows failed; each is tried once more alone")]
    private static partial void LogGroupFailed(ILogger logger, Exception exception, int rows);

    [LoggerMessage(LogLevel.Warning, "The intake committer could not open its connection")]
    private static partial void LogOpenFailed(ILogger logger, Exception exception);
}
