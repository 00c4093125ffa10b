namespace Notifier.Core.Deliveries;

/// <summary>How many memos an account used (sent, in flight, or of unknown outcome) on one Korean day.</summary>
public sealed class DailyUsage
{
    public long AccountId { get; set; }

    /// <summary>The day in Korea Standard Time, when Kakao's daily counters presumably reset.</summary>
    public DateOnly Day { get; set; }

    public int Count { get; set; }
}
