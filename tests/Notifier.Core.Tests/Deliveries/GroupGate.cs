using System.Collections.Concurrent;
using Notifier.Core.Data;
using Notifier.Core.Deliveries;

namespace Notifier.Core.Tests.Deliveries;

/// <summary>
/// The committer's test seam (<see cref="IIntakeGroupHook"/>): records every group it sees, can hold a group inside its
/// commit until the test releases it, and can fail any group holding a given text.
/// </summary>
internal sealed class GroupGate : IIntakeGroupHook
{
    private TaskCompletionSource _release = Released();
    private long? _heldAccount;

    public ConcurrentQueue<IReadOnlyList<IntakeRow>> Groups { get; } = new();

    /// <summary>Set once a held group is inside its commit (before its insert).</summary>
    public TaskCompletionSource Entered { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A group holding a row whose template contains this fails, every time it is tried.</summary>
    public string? FailOn { get; set; }

    /// <summary>Runs after this gate, inside each group's commit, before its insert.</summary>
    public IIntakeGroupHook? Next { get; set; }

    /// <summary>
    /// The next group to commit (with <paramref name="account"/>, only a group with a row for that account) waits inside
    /// its commit until <see cref="Release"/>.
    /// </summary>
    public void Hold(long? account = null)
    {
        Entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        _heldAccount = account;
        _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public void Release() => _release.TrySetResult();

    public async Task BeforeInsertAsync(IReadOnlyList<IntakeRow> rows, NotifierDbContext db, CancellationToken cancellationToken)
    {
        Groups.Enqueue(rows);
        if (!_release.Task.IsCompleted && (_heldAccount is not { } held || rows.Any(r => r.AccountId == held)))
        {
            Entered.TrySetResult();
            await _release.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        }

        if (FailOn is { } marker && rows.Any(r => r.TemplateJson.Contains(marker, StringComparison.Ordinal)))
        {
            throw new InvalidOperationException("Injected failure of an intake group.");
        }

        if (Next is { } next)
        {
            await next.BeforeInsertAsync(rows, db, cancellationToken);
        }
    }

    private static TaskCompletionSource Released()
    {
        var released = new TaskCompletionSource();
        released.SetResult();
        return released;
    }
}
