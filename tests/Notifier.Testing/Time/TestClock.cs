using Microsoft.Extensions.Time.Testing;

namespace Notifier.Testing.Time;

/// <summary>
/// Tests move time with the library's <see cref="FakeTimeProvider"/> (<c>Advance</c>, <c>SetUtcNow</c>, forward only);
/// this only decides where it starts. Register it as the <see cref="TimeProvider"/> before <c>AddNotifierCore</c> so the
/// product reads it. Timers and <c>Task.Delay(…, clock)</c> on it fire only when the test moves it.
/// </summary>
public static class TestClock
{
    /// <summary>
    /// A clock standing at <paramref name="start"/> (now when none), cut to whole seconds: the database stores
    /// microseconds, so times computed from the clock compare equal to what is read back.
    /// </summary>
    public static FakeTimeProvider Create(DateTimeOffset? start = null)
    {
        var at = (start ?? DateTimeOffset.UtcNow).ToUniversalTime();
        return new FakeTimeProvider(new DateTimeOffset(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero));
    }
}
