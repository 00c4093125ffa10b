using System.Diagnostics.Metrics;
using Notifier.Core.Metrics;

namespace Notifier.Bench;

/// <summary>
/// What the intake committer's own metrics (<see cref="NotifierMetrics"/>, <c>notifier.intake.group.*</c>) said while it
/// listened: groups, their mean size, their oldest row's mean wait and their commit's mean duration.
/// </summary>
internal sealed class IntakeGroups : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _groups;
    private long _rows;
    private double _waitSeconds;
    private double _commitSeconds;

    public IntakeGroups()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == NotifierMetrics.MeterName && instrument.Name.StartsWith("notifier.intake.group.", StringComparison.Ordinal))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<int>((instrument, value, _, _) =>
        {
            Interlocked.Increment(ref _groups);
            Interlocked.Add(ref _rows, value);
        });
        _listener.SetMeasurementEventCallback<double>((instrument, value, _, _) =>
        {
            lock (_listener)
            {
                if (instrument.Name == "notifier.intake.group.wait")
                {
                    _waitSeconds += value;
                }
                else
                {
                    _commitSeconds += value;
                }
            }
        });
        _listener.Start();
    }

    public void Reset()
    {
        lock (_listener)
        {
            Interlocked.Exchange(ref _groups, 0);
            Interlocked.Exchange(ref _rows, 0);
            (_waitSeconds, _commitSeconds) = (0, 0);
        }
    }

    public override string ToString()
    {
        var groups = Math.Max(1, Interlocked.Read(ref _groups));
        lock (_listener)
        {
            return FormattableString.Invariant(
                $"{_groups} groups, {(double)_rows / groups:0.0} rows each, oldest row waited {_waitSeconds * 1000 / groups:0.00} ms, commit {_commitSeconds * 1000 / groups:0.00} ms (means)");
        }
    }

    public void Dispose() => _listener.Dispose();
}
