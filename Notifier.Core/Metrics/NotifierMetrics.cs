using System.Diagnostics;
using System.Diagnostics.Metrics;
using Notifier.Core.Deliveries;

namespace Notifier.Core.Metrics;

/// <summary>
/// This process's own dispatch and intake metrics (meter <see cref="MeterName"/>): sends by outcome, Kakao memo call
/// duration, claim sizes, the intake committer's groups. Labels carry outcomes only, never an account, a person or a message.
/// </summary>
public static class NotifierMetrics
{
    public const string MeterName = "Notifier";

    private static readonly Meter Meter = new(MeterName);

    // Exported as notifier_sends_total{outcome}.
    private static readonly Counter<long> Sends = Meter.CreateCounter<long>(
        "notifier.sends", "{delivery}", "Send attempts handled by this process, by outcome");

    // Exported as notifier_kakao_send_duration_seconds{result}.
    private static readonly Histogram<double> KakaoSendDuration = Meter.CreateHistogram(
        "notifier.kakao.send.duration", "s", "Duration of each memo send call to Kakao",
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });

    // Exported as notifier_claim_size; only claims that took something.
    private static readonly Histogram<int> ClaimSize = Meter.CreateHistogram(
        "notifier.claim.size", "{delivery}", "Deliveries taken by each non-empty claim",
        tags: null,
        advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 5, 10, 20, 50, 100, 200, 500] });

    // Exported as notifier_intake_group_size: the rows of each group the intake committer stored (docs/decisions/0016).
    private static readonly Histogram<int> IntakeGroupSize = Meter.CreateHistogram(
        "notifier.intake.group.size", "{row}", "Rows in each group the intake committer stored with one insert",
        tags: null,
        advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 5, 10, 20, 50, 100, 256] });

    // Exported as notifier_intake_group_wait_seconds.
    private static readonly Histogram<double> IntakeGroupWait = Meter.CreateHistogram(
        "notifier.intake.group.wait", "s", "How long each group's oldest row waited before its group's insert began",
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5] });

    // Exported as notifier_intake_group_commit_duration_seconds.
    private static readonly Histogram<double> IntakeGroupCommit = Meter.CreateHistogram(
        "notifier.intake.group.commit.duration", "s", "Duration of each intake group's insert and commit",
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5] });

    public static void RecordSend(SendOutcome outcome) =>
        Sends.Add(1, new KeyValuePair<string, object?>("outcome", OutcomeName(outcome)));

    public static void RecordClaim(int size) => ClaimSize.Record(size);

    /// <summary>One group the intake committer stored (or failed to): its rows, its oldest row's wait, its commit's duration.</summary>
    public static void RecordIntakeGroup(int rows, TimeSpan oldestWait, TimeSpan commit)
    {
        IntakeGroupSize.Record(rows);
        IntakeGroupWait.Record(oldestWait.TotalSeconds);
        IntakeGroupCommit.Record(commit.TotalSeconds);
    }

    /// <summary>Runs one memo send call to Kakao and records how long it took and whether it answered success.</summary>
    public static async Task<T> TimeKakaoSendAsync<T>(Func<Task<T>> send)
    {
        var started = Stopwatch.GetTimestamp();
        var result = "error";
        try
        {
            var answer = await send();
            result = "ok";
            return answer;
        }
        finally
        {
            KakaoSendDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("result", result));
        }
    }

    public static string OutcomeName(SendOutcome outcome) => outcome switch
    {
        SendOutcome.Sent => "sent",
        SendOutcome.Retry => "retry",
        SendOutcome.Failed => "failed",
        SendOutcome.Postponed or SendOutcome.RateLimited => "postponed",
        SendOutcome.Unknown => "unknown",
        _ => "other",
    };
}
