using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using WireMock;

namespace Notifier.Testing.Kakao;

public sealed partial class KakaoFake
{
    private IResponseMessage TokenEndpoint(IRequestMessage request)
    {
        Interlocked.Increment(ref _tokenRequestsReceived);
        if (_tokenEndpointDelays.TryDequeue(out var delay))
        {
            Thread.Sleep(delay);
        }

        if (_tokenEndpointFailures.TryDequeue(out var failure))
        {
            return Json(failure, "<html><body>Service Temporarily Unavailable</body></html>");
        }

        if (!IsForm(request))
        {
            return AuthError(400, "invalid_request", "KOE006", "content type must be application/x-www-form-urlencoded");
        }

        var form = Form(request);
        if (form.GetValueOrDefault("client_id") != RestApiKey)
        {
            return AuthError(401, "invalid_client", "KOE101", "invalid client_id");
        }

        if (RequireClientSecret && form.GetValueOrDefault("client_secret") != ClientSecret)
        {
            return AuthError(401, "invalid_client", "KOE010", "Bad client credentials");
        }

        return form.GetValueOrDefault("grant_type") switch
        {
            "authorization_code" => ExchangeCode(form),
            "refresh_token" => Refresh(form),
            _ => AuthError(400, "unsupported_grant_type", "KOE006", "unsupported grant_type"),
        };
    }

    private ResponseMessage ExchangeCode(Dictionary<string, string> form)
    {
        var code = form.GetValueOrDefault("code") ?? "";
        // Single use: the code is gone whatever happens next, as at Kakao.
        if (!_codes.TryRemove(code, out var issued) || issued.ExpiresAt <= Time.GetUtcNow())
        {
            return AuthError(400, "invalid_grant", "KOE320", $"authorization code not found for code={code}");
        }

        if (form.GetValueOrDefault("redirect_uri") != issued.RedirectUri)
        {
            return AuthError(400, "invalid_grant", "KOE303", "Redirect URI mismatch.");
        }

        if (issued.CodeChallenge is not null && Challenge(form.GetValueOrDefault("code_verifier")) != issued.CodeChallenge)
        {
            return AuthError(400, "invalid_grant", "KOE320", "code_verifier does not match code_challenge");
        }

        if (IssuanceLimitReached(issued.UserId))
        {
            return AuthError(400, "invalid_request", "KOE237", "token request rate limit exceeded");
        }

        RecordIssuance(issued.UserId);
        var now = Time.GetUtcNow();
        var access = NewSecret("access");
        var refresh = NewSecret("refresh");
        _accessTokens[access] = new IssuedToken(issued.UserId, issued.Scopes, now + AccessTokenLifetime);
        _refreshTokens[refresh] = new IssuedToken(issued.UserId, issued.Scopes, now + RefreshTokenLifetime);
        return Json(200, new Dictionary<string, object>
        {
            ["token_type"] = "bearer",
            ["access_token"] = access,
            ["expires_in"] = (long)AccessTokenLifetime.TotalSeconds,
            ["refresh_token"] = refresh,
            ["refresh_token_expires_in"] = (long)RefreshTokenLifetime.TotalSeconds,
            ["scope"] = string.Join(' ', issued.Scopes),
        });
    }

    private ResponseMessage Refresh(Dictionary<string, string> form)
    {
        if (!form.TryGetValue("refresh_token", out var presented) || presented.Length == 0)
        {
            return AuthError(400, "invalid_request", "KOE319", "refresh_token is required");
        }

        var now = Time.GetUtcNow();
        if (!_refreshTokens.TryGetValue(presented, out var issued) || issued.Revoked || issued.ExpiresAt <= now)
        {
            return AuthError(400, "invalid_grant", "KOE322", "expired_or_invalid_refresh_token");
        }

        if (IssuanceLimitReached(issued.UserId))
        {
            return AuthError(400, "invalid_request", "KOE237", "token request rate limit exceeded");
        }

        RecordIssuance(issued.UserId);
        var access = NewSecret("access");
        _accessTokens[access] = new IssuedToken(issued.UserId, issued.Scopes, now + AccessTokenLifetime);
        Interlocked.Increment(ref _refreshCount);
        var body = new Dictionary<string, object>
        {
            ["token_type"] = "bearer",
            ["access_token"] = access,
            ["expires_in"] = (long)AccessTokenLifetime.TotalSeconds,
        };
        if (issued.ExpiresAt - now < RotationWindow)
        {
            // Rotation: the old refresh token stops working at once.
            _refreshTokens[presented] = issued with { Revoked = true };
            var refresh = NewSecret("refresh");
            _refreshTokens[refresh] = issued with { ExpiresAt = now + RefreshTokenLifetime };
            body["refresh_token"] = refresh;
            body["refresh_token_expires_in"] = (long)RefreshTokenLifetime.TotalSeconds;
            Interlocked.Increment(ref _rotationCount);
        }

        return Json(200, body);
    }

    /// <summary>How many refresh grants succeeded, and how many of them rotated the refresh token.</summary>
    public int RefreshCount => _refreshCount;

    public int RotationCount => _rotationCount;

    /// <summary>Token requests that reached the endpoint, counted as they arrive (before any delay).</summary>
    public int TokenRequestsReceived => Volatile.Read(ref _tokenRequestsReceived);

    private int _tokenRequestsReceived;
    private int _refreshCount;
    private int _rotationCount;

    private static string? Challenge(string? verifier) =>
        verifier is null ? null : Base64UrlTextEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    private static ResponseMessage AuthError(int status, string error, string errorCode, string description) =>
        Json(status, new Dictionary<string, string>
        {
            ["error"] = error,
            ["error_description"] = description,
            ["error_code"] = errorCode,
        });
}
