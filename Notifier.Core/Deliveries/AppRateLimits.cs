using Microsoft.EntityFrameworkCore;
using Notifier.Core.Data;

namespace Notifier.Core.Deliveries;

/// <summary>
/// Kakao's <c>-10</c> is a request-rate limit on the whole app, not a daily counter (kakao-api.md §5): every account
/// waits, one minute at first, doubling with each <c>-10</c> in a row up to an hour. A memo sent since the last wait
/// starts the doubling over.
/// </summary>
public static class AppRateLimits
{
    public static readonly TimeSpan FirstWait = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan LongestWait = TimeSpan.FromHours(1);

    /// <summary>The wait after <paramref name="streak"/> limits in a row (1: the first).</summary>
    public static TimeSpan Wait(int streak) =>
        TimeSpan.FromTicks(Math.Min(LongestWait.Ticks, FirstWait.Ticks << Math.Clamp(streak - 1, 0, 20)));

    /// <summary>Until when nothing may be sent (a time in the past when nothing waits).</summary>
    public static Task<DateTime> UntilAsync(NotifierDbContext db, CancellationToken cancellationToken) =>
        Limits(db).Select(l => l.Until).FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Records a <c>-10</c> answered at <paramref name="now"/>. Inside a wait already in force (a send that was in flight
    /// when another one started it) it joins that wait; otherwise it starts the next one. Concurrent dispatchers race
    /// on the row optimistically, so one <c>-10</c> burst counts once.
    /// </summary>
    public static async Task<RateHold> HoldAsync(NotifierDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var current = await Limits(db).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
            if (current is null)
            {
                return new RateHold(now + FirstWait, 1, Started: false);
            }

            if (current.Until > now)
            {
                return new RateHold(current.Until, current.Streak, Started: false);
            }

            var streak = current.Streak > 0 && !await SentSinceAsync(db, current.LimitedAt, cancellationToken) ? current.Streak + 1 : 1;
            var until = now + Wait(streak);
            var won = await Limits(db)
                .Where(l => l.Streak == current.Streak && l.Until == current.Until)
                .ExecuteUpdateAsync(u => u.SetProperty(l => l.Streak, streak).SetProperty(l => l.LimitedAt, now).SetProperty(l => l.Until, until), cancellationToken);
            if (won == 1)
            {
                return new RateHold(until, streak, Started: true);
            }
        }

        return new RateHold(now + FirstWait, 1, Started: false);
    }

    private static IQueryable<AppRateLimit> Limits(NotifierDbContext db) => db.Set<AppRateLimit>().Where(l => l.Name == AppRateLimit.Kakao);

    // A sent row's DueAt is its send time: the (Status, DueAt) index finds it.
    private static Task<bool> SentSinceAsync(NotifierDbContext db, DateTime since, CancellationToken cancellationToken) =>
        db.Deliveries.AnyAsync(d => d.Status == DeliveryStatus.Sent && d.DueAt >= since && d.SentAt >= since, cancellationToken);
}

/// <summary>The wait a <c>-10</c> put every account in: until when, the how-many-th in a row, and whether this answer started it.</summary>
public sealed record RateHold(DateTime Until, int Streak, bool Started)
{
    public int MinutesFrom(DateTime now) => (int)Math.Ceiling((Until - now).TotalMinutes);

    /// <summary>The wait as the outcome of the send that met it: every account's queue waits with it.</summary>
    public SendOutcome.Postponed AsOutcome(string why, DateTime now) => new(
        Until,
        $"{why}: every account waits {MinutesFrom(now)} min (limit {Streak} in a row; at most {AppRateLimits.LongestWait.TotalMinutes:0} min)",
        QuotaExhausted: false,
        AppWide: true);
}
