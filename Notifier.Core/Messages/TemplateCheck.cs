using System.Text.Json;
using System.Text.Json.Nodes;

namespace Notifier.Core.Messages;

/// <summary>Checks a Kakao template object given as is: its type, Kakao's required fields and limits, and every link in it.</summary>
internal sealed class TemplateCheck(LinkPolicy links, MessageValidation result, string field)
{
    private static readonly string[] UrlFields = ["web_url", "mobile_web_url"];

    public JsonObject? Check(JsonObject template)
    {
        var type = (template["object_type"] as JsonValue)?.TryGetValue<string>(out var t) == true ? t : null;
        if (type is null || !MessageLimits.TemplateTypes.Contains(type))
        {
            result.Add($"{field}.object_type", $"must be one of {string.Join(", ", MessageLimits.TemplateTypes)}");
            return null;
        }

        switch (type)
        {
            case "text":
                var text = (template["text"] as JsonValue)?.TryGetValue<string>(out var s) == true ? s : null;
                if (string.IsNullOrWhiteSpace(text) || text.Length > MessageLimits.TextLength)
                {
                    result.Add($"{field}.text", $"is required and at most {MessageLimits.TextLength} characters (Kakao's limit)");
                }

                RequireLink(template["link"], $"{field}.link");
                break;
            case "list":
                if (!IsText(template["header_title"]))
                {
                    result.Add($"{field}.header_title", "is required for a list template (a string)");
                }

                RequireLink(template["header_link"], $"{field}.header_link");
                if (template["contents"] is not JsonArray { Count: >= MessageLimits.ListContentsMin and <= MessageLimits.ListContentsMax })
                {
                    result.Add($"{field}.contents", $"a list template needs {MessageLimits.ListContentsMin} to {MessageLimits.ListContentsMax} contents");
                }

                break;
            default:
                // Member access only on objects: a client may send an array or a string where an object belongs.
                RequireLink(Member(template["content"], "link"), $"{field}.content.link");
                if (type == "location" && !IsText(template["address"]))
                {
                    result.Add($"{field}.address", "is required for a location template (a string)");
                }

                if (type == "commerce" && Member(template["commerce"], "regular_price")?.GetValueKind() != JsonValueKind.Number)
                {
                    result.Add($"{field}.commerce.regular_price", "is required for a commerce template (a number)");
                }

                if (type == "calendar" && (!IsText(template["id_type"]) || !IsText(template["id"])))
                {
                    result.Add($"{field}.id", "id_type and id are required for a calendar template (strings)");
                }

                break;
        }

        if (template["buttons"] is JsonArray { Count: > MessageLimits.Buttons } buttons)
        {
            result.Add($"{field}.buttons", $"at most {MessageLimits.Buttons} buttons (Kakao's limit); got {buttons.Count}");
        }
        else if (template["buttons"] is { } notArray && notArray is not JsonArray)
        {
            result.Add($"{field}.buttons", $"must be an array of at most {MessageLimits.Buttons} buttons");
        }

        CheckLinks(template, field);
        return template;
    }

    private static JsonNode? Member(JsonNode? node, string name) => node is JsonObject obj ? obj[name] : null;

    private static bool IsText(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text);

    private void RequireLink(JsonNode? link, string path)
    {
        if (link is not JsonObject obj || !obj.Any(p => p.Value is not null))
        {
            result.Add(path, "is required: a link object with web_url or mobile_web_url");
        }
    }

    // Every web_url and mobile_web_url anywhere in the template must be a link Kakao will open.
    private void CheckLinks(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    if (UrlFields.Contains(name))
                    {
                        var url = (value as JsonValue)?.TryGetValue<string>(out var u) == true ? u : null;
                        var problem = url is null ? "must be a string" : links.Check(url);
                        if (problem is not null)
                        {
                            result.Add($"{path}.{name}", problem);
                        }
                    }
                    else
                    {
                        CheckLinks(value, $"{path}.{name}");
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    CheckLinks(array[i], $"{path}[{i}]");
                }

                break;
        }
    }
}
