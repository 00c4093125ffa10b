using System.Diagnostics;

namespace Notifier.Testing.Time;

/// <summary>Waits for a condition by asking again until it holds or a deadline passes; never a blind sleep.</summary>
public static class Poll
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    /// <summary>Returns the first value <paramref name="probe"/> gives that <paramref name="done"/> accepts; throws at the deadline.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string waitingFor)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"Waited {timeout.TotalSeconds:0.#} s for {waitingFor}; last saw {value}.");
            }

            await Task.Delay(Interval);
        }
    }

    public static Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string waitingFor) =>
        UntilAsync(condition, ok => ok, timeout, waitingFor);
}
