namespace Notifier.Core.Deliveries;

/// <summary>Exponential backoff with jitter: base × 2^(attempt−1), capped, then a random 50–100 % of it.</summary>
public static class RetryBackoff
{
    public static TimeSpan Delay(int attempt, DispatchOptions options)
    {
        var exponential = options.RetryBaseSeconds * Math.Pow(2, Math.Clamp(attempt - 1, 0, 30));
        var capped = Math.Min(options.RetryMaxSeconds, exponential);
#pragma warning disable CA5394 // Jitter spreads retries; it is not security-sensitive.
        return TimeSpan.FromSeconds(capped * (0.5 + (Random.Shared.NextDouble() * 0.5)));
#pragma warning restore CA5394
    }
}
