using Microsoft.Extensions.DependencyInjection;
using Notifier.Core.Schedules;
using Quartz;

namespace Notifier.Core.Jobs;

/// <summary>Turns due schedule fires into deliveries (see <see cref="ScheduleMaterializer"/>).</summary>
[DisallowConcurrentExecution]
internal sealed class ScheduleFiresJob(IServiceScopeFactory scopes) : IJob
{
    public static readonly JobKey Key = new("schedule-fires", "notifier");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ScheduleMaterializer>().RunAsync(cancellationToken);
    }
}
