namespace Notifier.Core.Deliveries;

/// <summary>
/// A claimed page on its way through the dispatcher: its accounts' tokens (<see cref="PageTokens"/>) and its rows'
/// shared lease. A row is sent only while its lease covers a whole send (at least 90 % of <c>Dispatch:LeaseSeconds</c>
/// left); otherwise the leases of all the page's rows still waiting are renewed together, in one statement.
/// </summary>
public sealed class DispatchPage
{
    private readonly Lock _gate = new();
    private readonly HashSet<long> _waiting;
    private readonly HashSet<long> _lost = [];
    private readonly TimeProvider _time;
    private readonly TimeSpan _lease;
    private DateTime _leaseUntil;
    private Task? _renewal;

    public DispatchPage(ClaimedPage claimed, PageTokens tokens, TimeProvider time, TimeSpan lease)
    {
        Claimed = claimed;
        Tokens = tokens;
        _time = time;
        _lease = lease;
        _waiting = claimed.Rows.Select(r => r.Id).ToHashSet();
        _leaseUntil = claimed.Rows.Count == 0 ? DateTime.MinValue : claimed.Rows.Min(r => r.LeaseUntil);
    }

    public ClaimedPage Claimed { get; }

    public PageTokens Tokens { get; }

    /// <summary>
    /// Whether <paramref name="row"/> may be sent now. False when another dispatcher took it over while it waited (its
    /// lease ran out): sending it here too would be a duplicate. <paramref name="renew"/> renews the waiting rows' leases.
    /// </summary>
    public async Task<bool> StartAsync(ClaimedDelivery row, Func<IReadOnlyList<ClaimedDelivery>, DateTime, Task<IReadOnlySet<long>>> renew)
    {
        while (true)
        {
            Task renewal;
            lock (_gate)
            {
                if (!NeedsRenewal())
                {
                    return !_lost.Contains(row.Id) && _waiting.Remove(row.Id);
                }

                // One renewal for the page at a time; the other rows' senders wait for it.
                if (_renewal is null || _renewal.IsCompleted)
                {
                    _renewal = RenewWaitingAsync(renew);
                }

                renewal = _renewal;
            }

            await renewal; // a database failure ends here, with the row still leased
        }
    }

    private async Task RenewWaitingAsync(Func<IReadOnlyList<ClaimedDelivery>, DateTime, Task<IReadOnlySet<long>>> renew)
    {
        List<ClaimedDelivery> waiting;
        lock (_gate)
        {
            waiting = Claimed.Rows.Where(r => _waiting.Contains(r.Id)).ToList();
        }

        var leaseUntil = _time.GetUtcNow().UtcDateTime + _lease;
        var renewed = waiting.Count == 0 ? new HashSet<long>() : await renew(waiting, leaseUntil);
        lock (_gate)
        {
            foreach (var lost in waiting.Where(r => !renewed.Contains(r.Id)))
            {
                _lost.Add(lost.Id);
            }

            _leaseUntil = leaseUntil;
        }
    }

    private bool NeedsRenewal() => _leaseUntil - _time.GetUtcNow().UtcDateTime < _lease * 0.9;
}
