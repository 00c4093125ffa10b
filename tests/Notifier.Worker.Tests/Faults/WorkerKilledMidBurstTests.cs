using Notifier.Worker.Tests.Support;
using Xunit.Abstractions;

namespace Notifier.Worker.Tests.Faults;

[RunsLong]
public sealed class WorkerKilledMidBurstTests(WorkerWorld world, ITestOutputHelper output) : IClassFixture<WorkerWorld>
{
    [Fact]
    public async Task AWorkerKilledWithSigkill_LosesNothing_AndDuplicatesAreBoundedByWhatItHadInFlight()
    {
        var run = new BurstRun(world);
        var (count, inFlight) = await run.RunAsync(7100, async (a, _) =>
        {
            a.Kill();
            // What the dead Worker held: leased to it and not recorded. Its leases run out after 5 s.
            return await run.CountAsync("SELECT COUNT(*) FROM deliveries WHERE Status = 'sending' AND LeaseOwner = 'worker-a'");
        });

        output.WriteLine($"{count}; in flight at the kill: {inFlight}");
        Assert.Equal(0, count.Lost);
        Assert.Equal(BurstRun.Messages, count.Sent);
        Assert.InRange(count.Duplicated, 0, inFlight);
    }
}
