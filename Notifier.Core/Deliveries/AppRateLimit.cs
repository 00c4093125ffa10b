namespace Notifier.Core.Deliveries;

/// <summary>
/// An app-wide wait Kakao imposed with <c>-10</c> ("API limit has been exceeded"), one seeded row per limit, so every
/// dispatcher of every process agrees on it. See <see cref="AppRateLimits"/>.
/// </summary>
public sealed class AppRateLimit
{
    /// <summary>The row of Kakao's request-rate limit on this app.</summary>
    public const string Kakao = "kakao";

    public string Name { get; set; } = Kakao;

    /// <summary>How many <c>-10</c> waits in a row, without a memo sent since the last one (0: none yet).</summary>
    public int Streak { get; set; }

    /// <summary>When the latest wait started.</summary>
    public DateTime LimitedAt { get; set; }

    /// <summary>No memo goes to Kakao before this time.</summary>
    public DateTime Until { get; set; }
}
