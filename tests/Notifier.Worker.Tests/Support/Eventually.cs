namespace Notifier.Worker.Tests.Support;

/// <summary>Polls a condition until it holds or a deadline passes: waiting without sleeping a fixed time.</summary>
public static class Eventually
{
    public static async Task<T> HoldsAsync<T>(Func<Task<T>> probe, Func<T, bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await probe();
            if (condition(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not within {timeout.TotalSeconds} s: {what} (last value: {value}).");
            }

            await Task.Delay(100);
        }
    }
}
