namespace Notifier.Testing.Time;

/// <summary>
/// A clock that stands still until a test moves it, so backoff, lease expiry and the next Korean day arrive at once.
/// Only the time of day is fake: timers and delays still run on real time.
/// </summary>
public sealed class FakeClock : TimeProvider
{
    private long _utcTicks;

    /// <summary>Starts at <paramref name="start"/>, or at the current second when none is given.</summary>
    public FakeClock(DateTimeOffset? start = null)
    {
        var now = start ?? DateTimeOffset.UtcNow;
        // Whole seconds: the database stores microseconds, so times read back compare equal.
        _utcTicks = now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond);
    }

    public DateTime UtcNow => new(Interlocked.Read(ref _utcTicks), DateTimeKind.Utc);

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _utcTicks, by.Ticks);
    }

    /// <summary>Moves the clock forward to <paramref name="utc"/> (never back).</summary>
    public void AdvanceTo(DateTime utc) => Advance(utc.ToUniversalTime() - UtcNow);
}
