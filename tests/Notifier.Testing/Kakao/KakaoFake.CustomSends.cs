using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Notifier.Testing.Kakao;

/// <summary>
/// Kakao's two other memo sends (kakao-api.md §6): <c>/v2/api/talk/memo/send</c> with a console template
/// (<c>template_id</c>, <c>template_args</c> as a JSON object in a string) and <c>/v2/api/talk/memo/scrap/send</c>
/// (<c>request_url</c>, optional <c>template_id</c>, <c>template_args</c>). Same auth, form encoding, faults and
/// answers as the default send.
/// </summary>
public sealed partial class KakaoFake
{
    public const string CustomSendPath = "/v2/api/talk/memo/send";
    public const string ScrapSendPath = "/v2/api/talk/memo/scrap/send";

    private readonly ConcurrentQueue<FakeCustomMemo> _customMemos = new();

    /// <summary>Every console-template or scrap memo Kakao accepted, in order of arrival.</summary>
    public IReadOnlyCollection<FakeCustomMemo> CustomMemos => _customMemos;

    private void MapCustomSendRoutes()
    {
        _server.Given(Request.Create().WithPath(CustomSendPath).UsingPost())
            .RespondWith(Response.Create().WithCallback(request => CustomSend(request, scrap: false)));
        _server.Given(Request.Create().WithPath(ScrapSendPath).UsingPost())
            .RespondWith(Response.Create().WithCallback(request => CustomSend(request, scrap: true)));
    }

    private IResponseMessage CustomSend(IRequestMessage request, bool scrap)
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
        if (CustomFormProblem(form, scrap) is { } problem)
        {
            return ApiError(400, -2, problem);
        }

        _customMemos.Enqueue(new FakeCustomMemo(
            token.UserId,
            scrap ? ScrapSendPath : CustomSendPath,
            form.TryGetValue("template_id", out var id) ? long.Parse(id, System.Globalization.CultureInfo.InvariantCulture) : null,
            form.GetValueOrDefault("template_args"),
            form.GetValueOrDefault("request_url"),
            form.Keys.Order(StringComparer.Ordinal).ToList(),
            Time.GetUtcNow()));
        return Json(200, new Dictionary<string, int> { ["result_code"] = 0 });
    }

    // Kakao's parameter checks: a template id is a positive integer, its args a JSON object, a scrap an http(s) URL.
    private static string? CustomFormProblem(Dictionary<string, string> form, bool scrap)
    {
        var hasId = form.TryGetValue("template_id", out var id);
        if ((!scrap || hasId) && !(long.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0))
        {
            return "invalid template_id";
        }

        if (form.TryGetValue("template_args", out var args) && ParseJson(args) is not JsonObject)
        {
            return "template_args must be a JSON object";
        }

        if (scrap && !(form.TryGetValue("request_url", out var url) && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            return "invalid request_url";
        }

        return null;
    }
}

/// <summary>
/// A console-template or scrap memo Kakao accepted: whose chat, which endpoint, the form fields as received
/// (<see cref="TemplateArgs"/> is the JSON string itself), the names of all fields sent, and when.
/// </summary>
public sealed record FakeCustomMemo(
    long UserId, string Endpoint, long? TemplateId, string? TemplateArgs, string? RequestUrl, IReadOnlyList<string> Fields, DateTimeOffset ReceivedAt);
