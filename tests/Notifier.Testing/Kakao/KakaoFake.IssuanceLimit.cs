using System.Collections.Concurrent;

namespace Notifier.Testing.Kakao;

public sealed partial class KakaoFake
{
    /// <summary>kakao-api.md: about 20 access tokens per user in 10 minutes, then <c>KOE237</c> until the window moves on.</summary>
    public const int AccessTokensPerWindow = 20;

    public static readonly TimeSpan IssuanceWindow = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<long, ConcurrentQueue<DateTimeOffset>> _issued = new();

    /// <summary>As if the user's app had been issued the whole window's access tokens just now.</summary>
    public void ExhaustTokenIssuance(long userId)
    {
        var now = Time.GetUtcNow();
        for (var i = 0; i < AccessTokensPerWindow; i++)
        {
            IssuedTo(userId).Enqueue(now);
        }
    }

    /// <summary>True when one more access token for the user would go over Kakao's issuance limit.</summary>
    private bool IssuanceLimitReached(long userId)
    {
        var since = Time.GetUtcNow() - IssuanceWindow;
        return IssuedTo(userId).Count(at => at > since) >= AccessTokensPerWindow;
    }

    private void RecordIssuance(long userId) => IssuedTo(userId).Enqueue(Time.GetUtcNow());

    private ConcurrentQueue<DateTimeOffset> IssuedTo(long userId) => _issued.GetOrAdd(userId, _ => new ConcurrentQueue<DateTimeOffset>());
}
