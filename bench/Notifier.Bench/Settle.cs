using System.Diagnostics;
using System.Globalization;

namespace Notifier.Bench;

/// <summary>
/// Waits before a figure until the machine is quiet: the previous figure leaves work behind (InnoDB purging the rows a
/// burst updated or the REST run's rows deleted, flushing pages), and a figure measured while that runs measures it too.
/// Quiet means the CPU busy on the whole machine stayed under a tenth of one core for a second; after 15 s it
/// goes on anyway and says so, since other work on a shared machine is not the bench's to wait out.
/// </summary>
internal static class Settle
{
    private static readonly TimeSpan Sample = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    public static async Task WaitAsync(string figure)
    {
        var clock = Stopwatch.StartNew();
        var quietSamples = 0;
        var last = BusySeconds();
        double busy;
        do
        {
            await Task.Delay(Sample);
            var now = BusySeconds();
            busy = (now - last) / Sample.TotalSeconds;
            last = now;
            quietSamples = busy < 0.1 ? quietSamples + 1 : 0;
        }
        while (quietSamples < 2 && clock.Elapsed < Deadline);

        Console.WriteLine(quietSamples >= 2
            ? $"Settle before {figure}: quiet after {clock.Elapsed.TotalSeconds:0.0} s"
            : $"Settle before {figure}: still {busy:0.00} cores busy after {clock.Elapsed.TotalSeconds:0} s; going on");
    }

    /// <summary>CPU seconds the whole machine has been busy (every state of the <c>cpu</c> line of /proc/stat but idle and iowait).</summary>
    private static double BusySeconds()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var idle = fields[3] + fields[4];
        return (fields.Take(8).Sum() - idle) / 100.0;
    }
}
