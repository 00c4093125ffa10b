using Notifier.Core.Accounts;
using Quartz;

namespace Notifier.Core.Jobs;

/// <summary>The daily token upkeep (see <see cref="TokenUpkeep"/>); a missed run fires once when a node is back.</summary>
[DisallowConcurrentExecution]
internal sealed class TokenUpkeepJob(TokenUpkeep upkeep) : IJob
{
    public static readonly JobKey Key = new("token-upkeep", "notifier");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await upkeep.RunAsync(cancellationToken);
}
