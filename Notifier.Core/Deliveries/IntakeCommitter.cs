using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MySqlConnector;
using Notifier.Core.Data;

namespace Notifier.Core.Deliveries;

/// <summary>
/// This process's group committer: requests validated on their own threads wait here while a loop stores them in
/// groups (up to <see cref="MaxGroup"/> rows, or what came within <see cref="MaxWait"/> of the group's first), one
/// multi-row insert each (<see cref="IntakeGroupWriter"/>). A request is answered only after its group committed. A
/// failed group fails only its own rows: each is tried once more alone, then answered <see cref="IntakeResult.NotStored"/>.
/// On stop it takes no more rows (callers then commit alone) and stores what it holds. docs/decisions/0016.
/// <para>
/// On MariaDB two loops (<see cref="IntakeLane"/>) store groups at once, each on its own connection, an account's rows
/// always in the same one: while one lane's insert runs in the server, the other's requests are parsed and answered, so
/// the server's and this process's work overlap instead of taking turns. SQLite has one writer at a time: one lane.
/// </para>
/// </summary>
public sealed partial class IntakeCommitter : IHostedService
{
    public const int MaxGroup = 256;

    public static readonly TimeSpan MaxWait = TimeSpan.FromMilliseconds(2);

    private readonly IServiceScopeFactory _scopes;
    private readonly DispatchSignal _signal;
    private readonly ILogger<IntakeCommitter> _logger;
    private readonly IntakeLane[] _lanes;

    public IntakeCommitter(IServiceScopeFactory scopes, DispatchSignal signal, IOptions<DatabaseOptions> database, ILogger<IntakeCommitter> logger)
    {
        (_scopes, _signal, _logger) = (scopes, signal, logger);
        var lanes = database.Value.Provider == DatabaseProvider.MariaDb ? 2 : 1;
        _lanes = Enumerable.Range(0, lanes).Select(_ => new IntakeLane(scopes, signal, CommitAloneAsync, logger)).ToArray();
    }

    /// <summary>Stores <paramref name="row"/> with the next group of its account's lane (or alone, when the lanes are not running) and answers once it is committed.</summary>
    public Task<IntakeResult> SubmitAsync(IntakeRow row) =>
        // "The only account" (no id) goes to the first lane, as account 0 would.
        _lanes[(int)((ulong)(row.AccountId ?? 0) % (ulong)_lanes.Length)].TrySubmit(row) ?? CommitAloneAsync(row);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var lane in _lanes)
        {
            lane.Start();
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(_lanes.Select(lane => lane.StopAsync())).WaitAsync(cancellationToken);

    /// <summary>One row in a group of its own, on a connection of its own; a failure answers <see cref="IntakeResult.NotStored"/>.</summary>
    private async Task<IntakeResult> CommitAloneAsync(IntakeRow row)
    {
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var result = (await scope.ServiceProvider.GetRequiredService<IntakeGroupWriter>().CommitAsync([row], CancellationToken.None))[0];
            if (result is IntakeResult.Accepted)
            {
                _signal.Notify();
            }

            return result;
        }
        catch (Exception ex) when (row.IdempotencyKey is not null && ex.GetBaseException() is MySqlException { ErrorCode: MySqlErrorCode.LockWaitTimeout })
        {
            return new IntakeResult.KeyInFlight(); // another process holds the same key and has not committed yet
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogAloneFailed(_logger, ex);
            return new IntakeResult.NotStored();
        }
    }

    [LoggerMessage(LogLevel.Error, "An intake row failed alone too; its request is answered 500")]
    private static partial void LogAloneFailed(ILogger logger, Exception exception);
}
