using System.Data.Common;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Notifier.Core.Data;

namespace Notifier.Api.Health;

/// <summary>
/// Readiness: the database answers (<see cref="DatabasePing"/>) within <see cref="DatabasePing.Timeout"/>, the health
/// check's own timeout. Down, it says so at once, well inside a load balancer's or compose's probe.
/// </summary>
internal sealed class DatabaseAnswers(IServiceScopeFactory scopes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            await DatabasePing.PingAsync(scope.ServiceProvider.GetRequiredService<NotifierDbContext>(), cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (DbException ex)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The database does not answer.", ex);
        }
    }
}
