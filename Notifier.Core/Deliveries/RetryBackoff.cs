namespace Notifier.Core.Deliveries;

/// <summary>Exponential backoff with jitter: base × 2^(attempt−1), capped, then 50–100 % of it as the jitter says.</summary>
public static class RetryBackoff
{
    /// <param name="attempt">The attempt that just failed (1 for the first).</param>
    /// <param name="options">The base and the cap.</param>
    /// <param name="jitter">Where in the 50–100 % band this delay falls, from 0 (half) to 1 (all).</param>
    public static TimeSpan Delay(int attempt, DispatchOptions options, double jitter)
    {
        var exponential = options.RetryBaseSeconds * Math.Pow(2, Math.Clamp(attempt - 1, 0, 30));
        var capped = Math.Min(options.RetryMaxSeconds, exponential);
        return TimeSpan.FromSeconds(capped * (0.5 + (Math.Clamp(jitter, 0, 1) * 0.5)));
    }
}

/// <summary>The random part of a retry's delay, so that many failed sends do not all come back at once. Tests replace it.</summary>
public class RetryJitter
{
    /// <summary>A number from 0 to 1.</summary>
#pragma warning disable CA5394 // Jitter spreads retries; it is not security-sensitive.
    public virtual double Sample() => Random.Shared.NextDouble();
#pragma warning restore CA5394
}
