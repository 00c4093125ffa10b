using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Notifier.Testing.Kakao;

/// <summary>
/// Consent items and unlink (kakao-api.md §3, §6): <c>GET /v2/user/scopes</c> lists each consent item of the app with
/// <c>agreed</c>; a person can withdraw one without unlinking; <c>POST /v1/user/unlink</c> answers <c>{"id"}</c> and
/// every token of the person stops working.
/// </summary>
public sealed partial class KakaoFake
{
    // The app's consent items as Notifier's setup guide configures them.
    private static readonly (string Id, string DisplayName, bool Revocable)[] ConsentItems =
    [
        ("profile_nickname", "닉네임", false),
        ("talk_message", "카카오톡 메시지 전송", true),
    ];

    private int _scopesRequests;
    private int _unlinkRequests;
    private int _unlinkFailure;

    /// <summary>How many <c>/v2/user/scopes</c> requests reached the fake, whatever it answered.</summary>
    public int ScopesRequests => _scopesRequests;

    /// <summary>How many <c>/v1/user/unlink</c> requests reached the fake, whatever it answered.</summary>
    public int UnlinkRequests => _unlinkRequests;

    /// <summary>The next unlink requests answer with this HTTP status and an HTML body (a proxy in front of Kakao); 0 for normal.</summary>
    public void FailUnlink(int status) => Interlocked.Exchange(ref _unlinkFailure, status);

    /// <summary>
    /// The person withdraws one consent item in KakaoTalk's connected services: the link and tokens stay, Kakao's
    /// unlink webhook is not called, and the item is missing from every token from now on (memo sends get -402).
    /// </summary>
    public void WithdrawConsent(long userId, string item = "talk_message")
    {
        foreach (var (token, issued) in _accessTokens.Where(t => t.Value.UserId == userId).ToList())
        {
            _accessTokens[token] = issued with { Scopes = [.. issued.Scopes.Where(s => s != item)] };
        }

        foreach (var (token, issued) in _refreshTokens.Where(t => t.Value.UserId == userId).ToList())
        {
            _refreshTokens[token] = issued with { Scopes = [.. issued.Scopes.Where(s => s != item)] };
        }
    }

    private void MapUserRoutes()
    {
        _server.Given(Request.Create().WithPath("/v2/user/scopes").UsingGet())
            .RespondWith(Response.Create().WithCallback(UserScopes));
        _server.Given(Request.Create().WithPath("/v1/user/unlink").UsingPost())
            .RespondWith(Response.Create().WithCallback(UserUnlink));
    }

    private IResponseMessage UserScopes(IRequestMessage request)
    {
        Interlocked.Increment(ref _scopesRequests);
        if (WithToken(request, out var token) is { } error)
        {
            return error;
        }

        return Json(200, new Dictionary<string, object>
        {
            ["id"] = token.UserId,
            ["scopes"] = ConsentItems.Select(item => new Dictionary<string, object>
            {
                ["id"] = item.Id,
                ["display_name"] = item.DisplayName,
                ["type"] = "PRIVACY",
                ["using"] = true,
                ["agreed"] = token.Scopes.Contains(item.Id),
                ["revocable"] = item.Revocable,
            }).ToList(),
        });
    }

    private IResponseMessage UserUnlink(IRequestMessage request)
    {
        Interlocked.Increment(ref _unlinkRequests);
        if (Volatile.Read(ref _unlinkFailure) is > 0 and var status)
        {
            return Json(status, "<html><body>Bad Gateway</body></html>");
        }

        if (WithToken(request, out var token) is { } error)
        {
            return error;
        }

        Unlink(token.UserId);
        return Json(200, new Dictionary<string, long> { ["id"] = token.UserId });
    }
}
