namespace Notifier.Core.Accounts;

/// <summary>
/// A token that follows the caller's until <see cref="MarkAsked"/>, and never fires after it: for work the caller may
/// give up on while it waits (a lock, a database that is down) but not once an outside party has been asked to do
/// something whose answer must be kept (Kakao rotating a refresh token).
/// </summary>
internal sealed class CancellableUntilAsked : IDisposable
{
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _source = new();
    private readonly CancellationTokenRegistration _caller;
    private bool _asked;

    public CancellableUntilAsked(CancellationToken caller) =>
        _caller = caller.Register(() =>
        {
            lock (_gate)
            {
                if (!_asked)
                {
                    _source.Cancel();
                }
            }
        });

    public CancellationToken Token => _source.Token;

    /// <summary>From now on the token does not fire; throws instead when the caller gave up before.</summary>
    public void MarkAsked()
    {
        lock (_gate)
        {
            _source.Token.ThrowIfCancellationRequested();
            _asked = true;
        }
    }

    public void Dispose()
    {
        _caller.Dispose();
        _source.Dispose();
    }
}
