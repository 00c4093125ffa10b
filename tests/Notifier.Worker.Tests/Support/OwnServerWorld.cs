using Notifier.Testing.Database;

namespace Notifier.Worker.Tests.Support;

/// <summary>A world on a MariaDB server of the class's own, which its tests stop and start: doing that to the shared one would hit every other test.</summary>
public sealed class OwnServerWorld : WorkerWorld
{
    public OwnMariaDbServer Server { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Kakao.Time = Clock;
        Server = await OwnMariaDbServer.StartAsync("own_server");
        ConnectionString = Server.For("own_server");
    }

    public override async Task DisposeAsync()
    {
        Kakao.Dispose();
        if (Server is not null) await Server.DisposeAsync(); // null when it did not start: its own error is the one to read
    }
}
