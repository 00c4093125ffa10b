using System.Net.Http.Headers;

namespace Notifier.Api.Integrations.Ntfy;

/// <summary>
/// ntfy's publish parameters, read as ntfy reads them: each as a header (with or without <c>X-</c>, or a short form) or
/// as a query parameter of the same names, the first one present winning.
/// </summary>
internal sealed class NtfyParams(HttpRequest request)
{
    public string? Title => Read("x-title", "title", "ti", "t");

    public string? Message => Read("x-message", "message", "m");

    public string? Priority => Read("x-priority", "priority", "prio", "p");

    public string? Tags => Read("x-tags", "tags", "tag", "ta");

    public string? Click => Read("x-click", "click");

    public string? Attach => Read("x-attach", "attach", "a");

    public string? Actions => Read("x-actions", "actions", "action");

    /// <summary><c>Markdown: yes</c> (or 1, true), or a <c>text/markdown</c> body.</summary>
    public bool Markdown =>
        Read("x-markdown", "markdown", "md")?.Trim().ToLowerInvariant() is "1" or "yes" or "true"
        || (MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.MediaType == "text/markdown");

    public List<string> TagList => (Tags ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private string? Read(params string[] names)
    {
        foreach (var name in names)
        {
            if (request.Headers.TryGetValue(name, out var header) && !string.IsNullOrEmpty(header.ToString()))
            {
                return header.ToString();
            }
        }

        foreach (var name in names)
        {
            if (request.Query.TryGetValue(name, out var query) && !string.IsNullOrEmpty(query.ToString()))
            {
                return query.ToString();
            }
        }

        return null;
    }

    /// <summary>
    /// The <c>view</c> actions of ntfy's short header format: <c>view, Label, https://…[, clear=true]; http, …</c>, fields
    /// by position or as <c>action=view, label=…, url=…</c>.
    /// </summary>
    public static List<NtfyAction> ParseActions(string? header)
    {
        var actions = new List<NtfyAction>();
        foreach (var definition in (header ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var position = 0;
            foreach (var part in definition.Split(',', StringSplitOptions.TrimEntries))
            {
                var equals = part.IndexOf('=', StringComparison.Ordinal);
                var key = equals > 0 && part[..equals] is "action" or "label" or "url" or "clear" ? part[..equals] : null;
                if (key is not null)
                {
                    fields[key] = part[(equals + 1)..].Trim().Trim('"', '\'');
                }
                else
                {
                    string[] positional = ["action", "label", "url"];
                    if (position < positional.Length)
                    {
                        fields.TryAdd(positional[position], part.Trim('"', '\''));
                    }

                    position++;
                }
            }

            actions.Add(new NtfyAction { Action = fields.GetValueOrDefault("action"), Label = fields.GetValueOrDefault("label"), Url = fields.GetValueOrDefault("url") });
        }

        return actions;
    }
}
