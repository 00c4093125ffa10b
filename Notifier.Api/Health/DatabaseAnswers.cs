using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Notifier.Core.Data;

namespace Notifier.Api.Health;

/// <summary>
/// Readiness: the database answers <c>SELECT 1</c> on a connection of its own, within <see cref="Timeout"/>. Asked on
/// the connection rather than with EF's <c>CanConnect</c>, which runs under the context's retrying strategy: with
/// MariaDB down that took 57 s to say so, longer than a load balancer's or compose's probe waits.
/// </summary>
internal sealed class DatabaseAnswers(IServiceScopeFactory scopes) : IHealthCheck
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var connection = scope.ServiceProvider.GetRequiredService<NotifierDbContext>().Database.GetDbConnection();
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (DbException ex)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The database does not answer.", ex);
        }
        finally
        {
            await connection.CloseAsync();
        }
    }
}
