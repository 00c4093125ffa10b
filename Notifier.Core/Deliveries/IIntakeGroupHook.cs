namespace Notifier.Core.Deliveries;

/// <summary>
/// A test seam: runs inside every group commit that inserts, just before its insert, with all the group's rows (in the group's transaction when it has one).
/// Tests register one to fail a group or to race it against another writer; the product registers none.
/// </summary>
public interface IIntakeGroupHook
{
    Task BeforeInsertAsync(IReadOnlyList<IntakeRow> rows, Data.NotifierDbContext db, CancellationToken cancellationToken);
}
