namespace Notifier.Core.Tests.Support;

/// <summary>Counts the memo sends one node's Kakao client makes, to see how dispatchers shared the work.</summary>
internal sealed class MemoSendCounter
{
    private int _count;

    public int Count => _count;

    public DelegatingHandler CreateHandler() => new Handler(this);

    private sealed class Handler(MemoSendCounter counter) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri?.AbsolutePath == "/v2/api/talk/memo/default/send")
            {
                Interlocked.Increment(ref counter._count);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
