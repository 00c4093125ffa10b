using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Notifier.Core.Data;
using Notifier.Core.Deliveries;
using Notifier.Core.Schedules;
using Quartz;

namespace Notifier.Core.Jobs;

/// <summary>
/// Forgets Idempotency-Keys once they are older than <see cref="ScheduleOptions.IdempotencyKeyHours"/> and old usage
/// counters, and deletes deliveries past <c>Dispatch:RetentionDays</c> in short batches (<see cref="DeliveryRetention"/>).
/// </summary>
[DisallowConcurrentExecution]
internal sealed class HousekeepingJob(IServiceScopeFactory scopes, TimeProvider time, IOptions<ScheduleOptions> options) : IJob
{
    public static readonly JobKey Key = new("housekeeping", "notifier");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotifierDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var keysBefore = now.AddHours(-options.Value.IdempotencyKeyHours);
        await db.IdempotencyRecords.Where(r => r.CreatedAt < keysBefore).ExecuteDeleteAsync(cancellationToken);
        await db.ScheduleCreationKeys.Where(k => k.CreatedAt < keysBefore).ExecuteDeleteAsync(cancellationToken);
        var usageBefore = KoreanTime.Day(now).AddDays(-7);
        await db.DailyUsage.Where(u => u.Day < usageBefore).ExecuteDeleteAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<DeliveryRetention>().DeleteExpiredAsync(cancellationToken);
    }
}
