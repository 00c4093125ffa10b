using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Notifier.Testing.Hosting;

/// <summary>
/// A loopback TCP port nothing listens on right now, for a process that binds it a few seconds later.
/// </summary>
/// <remarks>
/// Not a port the OS hands out itself (bind to 0): those come from the ephemeral range, which every outgoing
/// connection on the machine draws from too, so between our check and the host's bind a client socket could take it
/// ("address already in use", seen in CI). The ports here lie below the ephemeral range, where only listeners live;
/// each is handed out once per process, and a random start keeps the parallel test processes apart.
/// </remarks>
public static class FreePort
{
    private const int Lowest = 10000;
    private static readonly Lock Gate = new();
    private static readonly HashSet<int> Given = [];
    private static readonly int EphemeralLow = ReadEphemeralLow();

    public static int Next()
    {
        lock (Gate)
        {
            for (var attempt = 0; attempt < 1000; attempt++)
            {
                var port = Random.Shared.Next(Lowest, EphemeralLow);
                if (Given.Add(port) && IsFree(port))
                {
                    return port;
                }
            }
        }

        throw new InvalidOperationException($"no free loopback port between {Lowest} and {EphemeralLow}");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>The first port of Linux's ephemeral range (32768 by default); where there is none to read, that default.</summary>
    private static int ReadEphemeralLow()
    {
        const string Range = "/proc/sys/net/ipv4/ip_local_port_range";
        var low = File.Exists(Range) && int.TryParse(File.ReadAllText(Range).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[0], NumberStyles.None, CultureInfo.InvariantCulture, out var read)
            ? read
            : 32768;
        return low > Lowest + 1000 ? low : throw new InvalidOperationException($"the ephemeral port range starts at {low}: no room below it for test listeners");
    }
}
