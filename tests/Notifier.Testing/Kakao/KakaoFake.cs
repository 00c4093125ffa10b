using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Notifier.Testing.Hosting;
using WireMock;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;

namespace Notifier.Testing.Kakao;

/// <summary>
/// Kakao as kakao-api.md describes it, served by WireMock.Net on one port for both kauth and kapi: it issues
/// authorization codes and tokens with Kakao's lifetimes, rotates refresh tokens only in their last month, and
/// answers with Kakao's error bodies (KOE320, KOE322, KOE010, -401, -402, ...). Time comes from <see cref="Time"/>.
/// </summary>
public sealed partial class KakaoFake : IDisposable
{
    public const string RestApiKey = "fake-rest-api-key";
    public const string ClientSecret = "fake-client-secret";

    private readonly WireMockServer _server;
    private readonly ConcurrentDictionary<string, IssuedCode> _codes = new();
    private readonly ConcurrentDictionary<string, IssuedToken> _accessTokens = new();
    private readonly ConcurrentDictionary<string, IssuedToken> _refreshTokens = new();
    private readonly ConcurrentDictionary<long, FakeUser> _users = new();
    private readonly ConcurrentQueue<int> _tokenEndpointFailures = new();
    private readonly ConcurrentQueue<TimeSpan> _tokenEndpointDelays = new();

    public KakaoFake()
    {
        _server = WireMockServer.Start(new WireMockServerSettings
        {
            // Not WireMock's own pick (bind to 0, release, bind again): that port comes from the ephemeral range, where
            // an outgoing connection can take it in between (FreePort).
            Port = FreePort.Next(),
            Logger = new WireMockNullLogger(),
            MaxRequestLogCount = 2000,
        });
        _server.Given(Request.Create().WithPath("/oauth/token").UsingPost())
            .RespondWith(Response.Create().WithCallback(TokenEndpoint));
        _server.Given(Request.Create().WithPath("/v2/user/me").UsingGet())
            .RespondWith(Response.Create().WithCallback(UserMe));
        _server.Given(Request.Create().WithPath("/v1/user/access_token_info").UsingGet())
            .RespondWith(Response.Create().WithCallback(AccessTokenInfo));
        _server.Given(Request.Create().WithPath("/v2/api/talk/memo/default/send").UsingPost())
            .RespondWith(Response.Create().WithCallback(MemoSend));
        MapUserRoutes();
        MapCustomSendRoutes();
    }

    /// <summary>The base URL to use for both <c>Kakao:AuthBaseUrl</c> and <c>Kakao:ApiBaseUrl</c>.</summary>
    public string Url => _server.Url!;

    public WireMockServer Server => _server;

    public TimeProvider Time { get; set; } = TimeProvider.System;

    /// <summary>When true (the default) token requests must carry <see cref="ClientSecret"/>, as with the secret enabled at Kakao.</summary>
    public bool RequireClientSecret { get; set; } = true;

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromSeconds(21599);

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromSeconds(5183999);

    /// <summary>Kakao renews a refresh token only when it has less than this left.</summary>
    public TimeSpan RotationWindow { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Every access and refresh token this fake issued, for asserting they never leak.</summary>
    public IEnumerable<string> IssuedSecrets => _accessTokens.Keys.Concat(_refreshTokens.Keys).Concat(_codes.Keys);

    /// <summary>The next token requests answer with these HTTP statuses (a 5xx with an HTML body) before Kakao's logic runs.</summary>
    public void FailTokenEndpoint(params int[] statuses)
    {
        foreach (var status in statuses)
        {
            _tokenEndpointFailures.Enqueue(status);
        }
    }

    /// <summary>
    /// The next token requests are answered only after these delays, each then handled as usual: a client that gave
    /// up meanwhile never learns that Kakao issued (and perhaps rotated) tokens.
    /// </summary>
    public void DelayTokenEndpoint(params TimeSpan[] delays)
    {
        foreach (var delay in delays)
        {
            _tokenEndpointDelays.Enqueue(delay);
        }
    }

    /// <summary>
    /// The person's visit to Kakao's consent page: checks the authorize URL as Kakao does and returns where Kakao
    /// sends the browser back, with a fresh single-use code bound to the redirect URI and the PKCE challenge.
    /// </summary>
    public Uri Authorize(Uri authorizeUri, long userId, string nickname, bool consentToMessages = true)
    {
        var query = QueryHelpers.ParseQuery(authorizeUri.Query);
        string Single(string name) => query.TryGetValue(name, out var v) && v.Count == 1 ? v[0]! :
            throw new InvalidOperationException($"The authorize URL must carry exactly one '{name}' (Kakao answers KOE006).");
        if (authorizeUri.AbsolutePath != "/oauth/authorize" || Single("client_id") != RestApiKey || Single("response_type") != "code")
        {
            throw new InvalidOperationException("Kakao would reject this authorize URL (KOE101/KOE006).");
        }

        var challenge = query.TryGetValue("code_challenge", out var c) ? c.ToString() : null;
        if (challenge is not null && Single("code_challenge_method") != "S256")
        {
            throw new InvalidOperationException("Only S256 PKCE is used by Notifier.");
        }

        var scopes = Single("scope").Split(',');
        var granted = consentToMessages ? scopes : scopes.Where(s => s != "talk_message").ToArray();
        _users[userId] = new FakeUser(userId, nickname);
        var code = NewSecret("code");
        _codes[code] = new IssuedCode(userId, Single("redirect_uri"), challenge, granted, Time.GetUtcNow().AddMinutes(10));
        return Callback(Single("redirect_uri"), $"code={Uri.EscapeDataString(code)}&state={Uri.EscapeDataString(Single("state"))}");
    }

    /// <summary>The person declines on Kakao's consent page.</summary>
    public static Uri Decline(Uri authorizeUri)
    {
        var query = QueryHelpers.ParseQuery(authorizeUri.Query);
        return Callback(query["redirect_uri"]!, $"error=access_denied&error_description=User%20denied%20access&state={Uri.EscapeDataString(query["state"]!)}");
    }

    /// <summary>The person unlinks the app at Kakao: every token of theirs dies.</summary>
    public void Unlink(long userId)
    {
        foreach (var (token, issued) in _accessTokens.Where(t => t.Value.UserId == userId).ToList())
        {
            _accessTokens[token] = issued with { Revoked = true };
        }

        foreach (var (token, issued) in _refreshTokens.Where(t => t.Value.UserId == userId).ToList())
        {
            _refreshTokens[token] = issued with { Revoked = true };
        }
    }

    public void Dispose() => _server.Stop();

    private static Uri Callback(string redirectUri, string query) =>
        new($"{redirectUri}{(redirectUri.Contains('?', StringComparison.Ordinal) ? '&' : '?')}{query}");

    private static string NewSecret(string kind) =>
        $"{kind}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant()}";

    private static ResponseMessage Json(int status, object body)
    {
        var message = new ResponseMessage
        {
            StatusCode = status,
            BodyData = new BodyData
            {
                BodyAsString = body as string ?? JsonSerializer.Serialize(body),
                DetectedBodyType = BodyType.String,
                Encoding = Encoding.UTF8,
            },
        };
        message.AddHeader("Content-Type", "application/json;charset=UTF-8");
        return message;
    }

    private static Dictionary<string, string> Form(IRequestMessage request) =>
        QueryHelpers.ParseQuery(request.Body ?? "").ToDictionary(p => p.Key, p => p.Value.ToString());

    private static bool IsForm(IRequestMessage request) =>
        request.Headers is { } headers && headers.TryGetValue("Content-Type", out var type)
        && type.Any(t => t.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase));

    private sealed record IssuedCode(long UserId, string RedirectUri, string? CodeChallenge, string[] Scopes, DateTimeOffset ExpiresAt);

    private sealed record IssuedToken(long UserId, string[] Scopes, DateTimeOffset ExpiresAt, bool Revoked = false);

    private sealed record FakeUser(long Id, string Nickname);

    private static JsonNode? ParseJson(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
