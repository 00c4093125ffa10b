namespace Notifier.Api.ApiKeys;

/// <summary>
/// The per-key rate limit (section <c>Api:RateLimit</c>): a token bucket per API key, per Api process. A key may send
/// <see cref="Burst"/> requests at once, then <see cref="PermitsPerSecond"/> a second.
/// </summary>
public sealed class ApiRateLimitOptions
{
    /// <summary>Requests a second a key regains; below 1 is allowed (0.5: one request every two seconds).</summary>
    public double PermitsPerSecond { get; set; } = 50;

    /// <summary>Requests a key may make at once (the bucket's size).</summary>
    public int Burst { get; set; } = 100;
}
