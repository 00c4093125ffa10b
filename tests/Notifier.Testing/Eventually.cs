using System.Diagnostics;

namespace Notifier.Testing;

/// <summary>
/// Waits for something another thread, host or process does, by asking again until it holds or a deadline passes;
/// never a blind sleep. At the deadline it throws a <see cref="TimeoutException"/> naming what it waited for and the
/// last value it saw. The deadline is real (wall-clock) time, whatever clock the product under test reads.
/// </summary>
public static class Eventually
{
    /// <summary>The deadline when a caller gives none.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    /// <summary>Returns the first value <paramref name="probe"/> gives that <paramref name="isDone"/> accepts.</summary>
    /// <param name="what">What is awaited, for the timeout message ("the delivery to be sent").</param>
    public static async Task<T> MatchAsync<T>(Func<Task<T>> probe, Func<T, bool> isDone, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var elapsed = Stopwatch.StartNew();
        while (true)
        {
            var value = await probe();
            if (isDone(value))
            {
                return value;
            }

            if (elapsed.Elapsed > limit)
            {
                throw new TimeoutException($"Waited {limit.TotalSeconds:0.#} s for {what}; last saw: {value?.ToString() ?? "null"}.");
            }

            await Task.Delay(Interval);
        }
    }

    /// <inheritdoc cref="MatchAsync{T}(Func{Task{T}}, Func{T, bool}, string, TimeSpan?)"/>
    public static Task<T> MatchAsync<T>(Func<T> probe, Func<T, bool> isDone, string what, TimeSpan? timeout = null) =>
        MatchAsync(() => Task.FromResult(probe()), isDone, what, timeout);

    /// <summary>Returns once <paramref name="condition"/> holds.</summary>
    /// <param name="what">What is awaited, for the timeout message ("both Workers healthy").</param>
    public static async Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var elapsed = Stopwatch.StartNew();
        while (!await condition())
        {
            if (elapsed.Elapsed > limit)
            {
                throw new TimeoutException($"Waited {limit.TotalSeconds:0.#} s for {what}; it never held.");
            }

            await Task.Delay(Interval);
        }
    }

    /// <inheritdoc cref="TrueAsync(Func{Task{bool}}, string, TimeSpan?)"/>
    public static Task TrueAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        TrueAsync(() => Task.FromResult(condition()), what, timeout);
}
