using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using WireMock;

namespace Notifier.Testing.Kakao;

public sealed partial class KakaoFake
{
    private static readonly string[] MessageScope = ["talk_message"];
    private static readonly string[] TemplateTypes = ["text", "feed", "list", "location", "commerce", "calendar"];
    private readonly ConcurrentQueue<FakeMemo> _memos = new();

    /// <summary>Every memo Kakao accepted, in order of arrival.</summary>
    public IReadOnlyCollection<FakeMemo> Memos => _memos;

    private IResponseMessage UserMe(IRequestMessage request) =>
        WithToken(request, out var token) is { } error ? error : Json(200, new Dictionary<string, object>
        {
            ["id"] = token.UserId,
            ["connected_at"] = "2026-01-01T00:00:00Z",
            ["properties"] = new Dictionary<string, string> { ["nickname"] = _users[token.UserId].Nickname },
            ["kakao_account"] = new Dictionary<string, object>
            {
                ["profile_nickname_needs_agreement"] = false,
                ["profile"] = new Dictionary<string, string> { ["nickname"] = _users[token.UserId].Nickname },
            },
        });

    private IResponseMessage AccessTokenInfo(IRequestMessage request) =>
        WithToken(request, out var token) is { } error ? error : Json(200, new Dictionary<string, object>
        {
            ["id"] = token.UserId,
            ["expires_in"] = (long)(token.ExpiresAt - Time.GetUtcNow()).TotalSeconds,
            ["app_id"] = 123456,
        });

    private IResponseMessage MemoSend(IRequestMessage request)
    {
        if (MemoFaultFor(request) is { } faulted)
        {
            return faulted;
        }

        if (WithToken(request, out var token) is { } error)
        {
            return error;
        }

        if (!token.Scopes.Contains("talk_message"))
        {
            return Json(403, new Dictionary<string, object>
            {
                ["msg"] = "[talk_message] insufficient scopes.",
                ["code"] = -402,
                ["required_scopes"] = MessageScope,
                ["allowed_scopes"] = token.Scopes,
            });
        }

        var form = IsForm(request) ? Form(request) : [];
        var template = form.TryGetValue("template_object", out var json) ? ParseJson(json) : null;
        if (template is null || TemplateProblem(template) is { } problem)
        {
            return ApiError(400, -2, $"invalid template_object: {(template is null ? "not JSON" : TemplateProblem(template))}");
        }

        _memos.Enqueue(new FakeMemo(token.UserId, template, Time.GetUtcNow()));
        return Json(200, new Dictionary<string, int> { ["result_code"] = 0 });
    }

    private ResponseMessage? WithToken(IRequestMessage request, out IssuedToken token)
    {
        token = default!;
        var header = request.Headers is { } h && h.TryGetValue("Authorization", out var v) ? v.FirstOrDefault() : null;
        var presented = header is not null && header.StartsWith("Bearer ", StringComparison.Ordinal) ? header[7..] : null;
        if (presented is null || !_accessTokens.TryGetValue(presented, out var issued) || issued.Revoked || issued.ExpiresAt <= Time.GetUtcNow())
        {
            var error = ApiError(401, -401, "this access token does not exist");
            error.AddHeader("WWW-Authenticate", "Bearer error=invalid_token");
            return error;
        }

        token = issued;
        return null;
    }

    // Kakao's checks of a default template (kakao-api.md §4).
    private static string? TemplateProblem(JsonNode template)
    {
        var type = template["object_type"]?.GetValue<string>();
        if (type is null || !TemplateTypes.Contains(type))
        {
            return "object_type";
        }

        // Two buttons at most; location (which brings its own "위치 보기") and calendar take one.
        if (template["buttons"] is JsonArray buttons && buttons.Count > (type is "location" or "calendar" ? 1 : 2))
        {
            return "buttons";
        }

        return type switch
        {
            "text" when template["text"]?.GetValue<string>() is not { Length: > 0 and <= 200 } => "text",
            "text" when template["link"] is not JsonObject => "link",
            "feed" or "location" or "commerce" or "calendar" when template["content"]?["link"] is not JsonObject => "content.link",
            "list" when template["header_title"] is null || template["header_link"] is not JsonObject => "header",
            "list" when template["contents"] is not JsonArray { Count: >= 2 and <= 3 } => "contents",
            _ => null,
        };
    }

    private static ResponseMessage ApiError(int status, int code, string message) =>
        Json(status, new Dictionary<string, object> { ["msg"] = message, ["code"] = code });
}

/// <summary>A memo Kakao accepted: whose chat it went to, the template, and when.</summary>
public sealed record FakeMemo(long UserId, JsonNode Template, DateTimeOffset ReceivedAt);
