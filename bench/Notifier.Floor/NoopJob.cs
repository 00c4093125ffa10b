using Quartz;

namespace Notifier.Floor;

/// <summary>The job Quartz's clustered store fires every ten seconds: the store's own work, none of the job's.</summary>
internal sealed class NoopJob : IJob
{
    public static readonly JobKey Key = new("noop", "floor");

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
