using System.Collections.Concurrent;
using WireMock;

namespace Notifier.Testing.Kakao;

/// <summary>How the fake answers the next memo sends instead of Kakao's normal logic.</summary>
public sealed record MemoFault(int HttpStatus, int Code, TimeSpan Delay = default, bool Delivered = false)
{
    /// <summary>Kakao's answer with this code and the HTTP status kakao-api.md gives for it.</summary>
    public static MemoFault Error(int code) => new(code switch
    {
        -401 => 401,
        -402 or -3 => 403,
        -9798 => 503,
        _ => 400, // -1 and -7 included: Kakao's error-code table gives 400

    }, code);

    /// <summary>A 5xx with an HTML body, as a proxy in front of Kakao answers.</summary>
    public static MemoFault ServerError(int status = 502) => new(status, 0);

    /// <summary>Kakao takes <paramref name="delay"/> to answer; the memo arrives when <paramref name="delivered"/>, else Kakao answers -603.</summary>
    public static MemoFault Slow(TimeSpan delay, bool delivered) => new(200, 0, delay, delivered);
}

public sealed partial class KakaoFake
{
    private readonly ConcurrentQueue<MemoFault> _memoFaults = new();
    private int _memoRequests;

    /// <summary>How many memo send requests reached the fake, whatever it answered.</summary>
    public int MemoRequests => _memoRequests;

    /// <summary>The next memo sends meet these faults, in order, before Kakao's normal logic runs.</summary>
    public void FailMemoSend(params MemoFault[] faults)
    {
        foreach (var fault in faults)
        {
            _memoFaults.Enqueue(fault);
        }
    }

    /// <summary>A function of each memo request: a fault to answer with, or null for Kakao's normal logic.</summary>
    public Func<IRequestMessage, MemoFault?>? MemoFaultPolicy { get; set; }

    /// <summary>Every access token of the user stops working (expired early at Kakao), refresh tokens stay valid.</summary>
    public void ExpireAccessTokens(long userId)
    {
        foreach (var (token, issued) in _accessTokens.Where(t => t.Value.UserId == userId).ToList())
        {
            _accessTokens[token] = issued with { ExpiresAt = Time.GetUtcNow().AddSeconds(-1) };
        }
    }

    /// <summary>Every refresh token of the user is refused (KOE322) from now on; access tokens stay valid.</summary>
    public void RevokeRefreshTokens(long userId)
    {
        foreach (var (token, issued) in _refreshTokens.Where(t => t.Value.UserId == userId).ToList())
        {
            _refreshTokens[token] = issued with { Revoked = true };
        }
    }

    /// <summary>How many access tokens the fake has issued to this user (by code exchange or refresh).</summary>
    public int AccessTokensIssued(long userId) => _accessTokens.Values.Count(t => t.UserId == userId);

    private ResponseMessage? MemoFaultFor(IRequestMessage request)
    {
        Interlocked.Increment(ref _memoRequests);
        var fault = MemoFaultPolicy?.Invoke(request);
        if (fault is null && !_memoFaults.TryDequeue(out fault))
        {
            return null;
        }

        if (fault.Delay > TimeSpan.Zero)
        {
            // The server is slow: the client's timeout fires while this request is still being handled.
            Thread.Sleep(fault.Delay);
        }

        if (fault.Delivered)
        {
            return null;
        }

        if (fault.HttpStatus == 200)
        {
            return ApiError(400, -603, "request timed out inside Kakao");
        }

        return fault.Code == 0
            ? Json(fault.HttpStatus, "<html><body>Bad Gateway</body></html>")
            : ApiError(fault.HttpStatus, fault.Code, $"fault injected ({fault.Code})");
    }
}
