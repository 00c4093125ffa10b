using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Notifier.Core.Kakao;

/// <summary>
/// Which of Kakao's three memo endpoints a delivery goes to, with its parameters, as kept in a delivery's
/// <c>TemplateJson</c>. A default template is stored as the template object itself (as every row before the other
/// endpoints existed); the others as a small envelope marked by <see cref="Marker"/>, a member no template has.
/// </summary>
public abstract record StoredMemo
{
    /// <summary>The envelope's marker: its value names the endpoint (<c>custom</c> or <c>scrap</c>).</summary>
    public const string Marker = "notifier_memo";

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private StoredMemo()
    {
    }

    /// <summary><c>/v2/api/talk/memo/default/send</c> with <c>template_object</c>.</summary>
    public sealed record DefaultTemplate(string TemplateObject) : StoredMemo;

    /// <summary><c>/v2/api/talk/memo/send</c>: a template built in Kakao's console, with its arguments.</summary>
    public sealed record CustomTemplate(long TemplateId, IReadOnlyDictionary<string, string>? TemplateArgs) : StoredMemo;

    /// <summary><c>/v2/api/talk/memo/scrap/send</c>: a page Kakao scrapes, optionally laid out by a console template.</summary>
    public sealed record Scrap(string RequestUrl, long? TemplateId, IReadOnlyDictionary<string, string>? TemplateArgs) : StoredMemo;

    /// <summary>The JSON to store: the template itself, or the envelope.</summary>
    public string ToStoredJson() => this switch
    {
        DefaultTemplate d => d.TemplateObject,
        CustomTemplate c => Envelope("custom", null, c.TemplateId, c.TemplateArgs),
        Scrap s => Envelope("scrap", s.RequestUrl, s.TemplateId, s.TemplateArgs),
        _ => throw new InvalidOperationException($"Unknown memo kind {GetType().Name}."),
    };

    /// <summary><c>template_args</c> as Kakao takes it: a JSON object as a string, or null when there are none.</summary>
    public static string? ArgsJson(IReadOnlyDictionary<string, string>? args) =>
        args is null ? null : JsonSerializer.Serialize(new JsonObject(args.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)a.Value))), Relaxed);

    /// <summary>Reads what <see cref="ToStoredJson"/> wrote; anything without the marker (or with an <c>object_type</c>) is a default template.</summary>
    public static StoredMemo FromStoredJson(string json)
    {
        // A template always has object_type; a passed-through template that happens to carry the marker stays a template.
        if (!json.Contains(Marker, StringComparison.Ordinal) || JsonNode.Parse(json) is not JsonObject root
            || root.ContainsKey("object_type") || root[Marker] is not JsonValue kind || kind.GetValueKind() != JsonValueKind.String)
        {
            return new DefaultTemplate(json);
        }

        var id = root["template_id"]?.GetValue<long>();
        var args = root["template_args"] is JsonObject a ? a.ToDictionary(p => p.Key, p => p.Value!.GetValue<string>()) : null;
        return kind.GetValue<string>() switch
        {
            "custom" => new CustomTemplate(id ?? throw new InvalidOperationException("A stored custom memo has no template_id."), args),
            "scrap" => new Scrap(root["request_url"]!.GetValue<string>(), id, args),
            var other => throw new InvalidOperationException($"Unknown stored memo kind '{other}'."),
        };
    }

    private static string Envelope(string kind, string? requestUrl, long? templateId, IReadOnlyDictionary<string, string>? args)
    {
        var envelope = new JsonObject { [Marker] = kind };
        if (requestUrl is not null)
        {
            envelope["request_url"] = requestUrl;
        }

        if (templateId is { } id)
        {
            envelope["template_id"] = id;
        }

        if (args is not null)
        {
            envelope["template_args"] = new JsonObject(args.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)a.Value)));
        }

        return envelope.ToJsonString(Relaxed);
    }
}
