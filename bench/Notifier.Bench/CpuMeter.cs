using System.Diagnostics;

namespace Notifier.Bench;

/// <summary>CPU time used by this process and by mariadbd (its pid from <c>NOTIFIER_BENCH_MARIADB_PID</c>) over a span.</summary>
internal sealed class CpuMeter
{
    private readonly TimeSpan _self = Process.GetCurrentProcess().TotalProcessorTime;
    private readonly TimeSpan _server = ServerCpu();

    public (TimeSpan Self, TimeSpan Server) Elapsed() =>
        (Process.GetCurrentProcess().TotalProcessorTime - _self, ServerCpu() - _server);

    private static TimeSpan ServerCpu()
    {
        var pid = Environment.GetEnvironmentVariable("NOTIFIER_BENCH_MARIADB_PID");
        if (string.IsNullOrEmpty(pid) || !File.Exists($"/proc/{pid}/stat"))
        {
            return TimeSpan.Zero;
        }

        // Fields 14 and 15 (utime, stime) in clock ticks, after the parenthesised command name.
        var fields = File.ReadAllText($"/proc/{pid}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var ticks = long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }
}
