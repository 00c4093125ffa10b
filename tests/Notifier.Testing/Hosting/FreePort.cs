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
/// ("address already in use", seen in CI). The ports here lie outside the ephemeral range (below it, or above it where
/// a machine's range starts low), where only listeners live; each is handed out once per process, and a random pick
/// keeps the parallel test processes apart. Only a machine whose ephemeral range leaves no room either side gets the
/// OS's pick, as before.
/// </remarks>
public static class FreePort
{
    private static readonly Lock Gate = new();
    private static readonly HashSet<int> Given = [];
    private static readonly (int From, int To)? Outside = OutsideEphemeralRange();

    public static int Next()
    {
        if (Outside is not var (from, to))
        {
            return PickedByTheOs();
        }

        lock (Gate)
        {
            for (var attempt = 0; attempt < 1000; attempt++)
            {
                var port = Random.Shared.Next(from, to);
                if (Given.Add(port) && IsFree(port))
                {
                    return port;
                }
            }
        }

        throw new InvalidOperationException($"no free loopback port between {from} and {to}");
    }

    /// <summary>Whether nothing listens on loopback <paramref name="port"/> right now.</summary>
    public static bool IsFree(int port)
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

    private static int PickedByTheOs()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Where <c>scripts/mariadb.sh</c> picks its servers' ports (from here up to the ephemeral range). Kept apart from the
    /// ports given here: the fault suite restarts a server on its port, and a test host given that port in the seconds
    /// the server was down kept it from starting again ("Bind on TCP/IP port ... Address already in use", stop 21).
    /// </summary>
    private const int MariaDbPorts = 20000;

    /// <summary>
    /// At least a thousand ports outside Linux's ephemeral range (32768–60999 by default): 10000 up to its start (up to
    /// <see cref="MariaDbPorts"/> where the range starts above it), else from its end up to 65535; null when neither
    /// has room (or the range cannot be read, outside Linux).
    /// </summary>
    private static (int From, int To)? OutsideEphemeralRange()
    {
        const string Range = "/proc/sys/net/ipv4/ip_local_port_range";
        if (!File.Exists(Range))
        {
            return null;
        }

        var bounds = File.ReadAllText(Range).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(b => int.Parse(b, NumberStyles.None, CultureInfo.InvariantCulture)).ToArray();
        return bounds switch
        {
            [var low, _] when low >= MariaDbPorts => (10000, MariaDbPorts),
            [var low, _] when low - 10000 >= 1000 => (10000, low),
            [_, var high] when 65535 - high >= 1000 => (high + 1, 65536),
            _ => null,
        };
    }
}
