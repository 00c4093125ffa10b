namespace Notifier.Testing.Time;

/// <summary>
/// A clock a test moves by hand: <see cref="GetUtcNow"/> answers what was last set. Register it as the
/// <see cref="TimeProvider"/> before <c>AddNotifierCore</c> so the product reads it. Timers are not driven by it.
/// </summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private long _utcTicks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    public void Set(DateTimeOffset now) => Interlocked.Exchange(ref _utcTicks, now.UtcTicks);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _utcTicks, by.Ticks);
}
