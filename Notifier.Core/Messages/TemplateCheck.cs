using System.Text.Json;
using System.Text.Json.Nodes;

namespace Notifier.Core.Messages;

/// <summary>
/// Checks a Kakao template object given as is (kakao-api.md §4): its type, the fields Kakao requires of that type and
/// their limits, its buttons, and every link object in it (<see cref="TemplateLinks"/>).
/// </summary>
internal sealed class TemplateCheck(LinkPolicy links, MessageValidation result, string field)
{
    public JsonObject? Check(JsonObject template)
    {
        var type = Text(template["object_type"]);
        if (type is null || !MessageLimits.TemplateTypes.Contains(type))
        {
            result.Add($"{field}.object_type", $"must be one of {string.Join(", ", MessageLimits.TemplateTypes)}");
            return null;
        }

        switch (type)
        {
            case "text":
                CheckText(template);
                break;
            case "list":
                CheckList(template);
                break;
            default:
                CheckContentTemplate(template, type);
                break;
        }

        CheckButtons(template["buttons"], type);
        new TemplateLinks(links, result).Check(template, field);
        return template;
    }

    private void CheckText(JsonObject template)
    {
        if (Text(template["text"]) is not { Length: <= MessageLimits.TextLength } text || string.IsNullOrWhiteSpace(text))
        {
            result.Add($"{field}.text", $"is required and at most {MessageLimits.TextLength} characters (Kakao's limit)");
        }

        RequireLink(template["link"], $"{field}.link");
    }

    private void CheckList(JsonObject template)
    {
        if (Text(template["header_title"]) is not { } header || string.IsNullOrWhiteSpace(header))
        {
            result.Add($"{field}.header_title", "is required for a list template (a string)");
        }
        else if (header.Length > MessageLimits.HeaderTitleLength)
        {
            result.Add($"{field}.header_title", $"must be at most {MessageLimits.HeaderTitleLength} characters (Kakao's limit); it has {header.Length}");
        }

        RequireLink(template["header_link"], $"{field}.header_link");
        if (template["contents"] is not JsonArray { Count: >= MessageLimits.ListContentsMin and <= MessageLimits.ListContentsMax } contents)
        {
            result.Add($"{field}.contents", $"a list template needs {MessageLimits.ListContentsMin} to {MessageLimits.ListContentsMax} contents");
            return;
        }

        for (var i = 0; i < contents.Count; i++)
        {
            RequireLink(Member(contents[i], "link"), $"{field}.contents[{i}].link");
        }
    }

    // feed, location, commerce and calendar: a content object with its link, and what each type adds.
    private void CheckContentTemplate(JsonObject template, string type)
    {
        // Member access only on objects: a client may send an array or a string where an object belongs.
        RequireLink(Member(template["content"], "link"), $"{field}.content.link");
        switch (type)
        {
            case "location" when string.IsNullOrWhiteSpace(Text(template["address"])):
                result.Add($"{field}.address", "is required for a location template (a string)");
                break;
            case "commerce":
                CommerceCheck.Check(template["commerce"], $"{field}.commerce", result);
                break;
            case "calendar":
                CheckCalendar(template);
                break;
        }
    }

    private void CheckCalendar(JsonObject template)
    {
        if (Text(template["id_type"]) is not { } idType || !MessageLimits.CalendarIdTypes.Contains(idType))
        {
            result.Add($"{field}.id_type", $"is required for a calendar template: one of {string.Join(", ", MessageLimits.CalendarIdTypes)}");
        }

        if (string.IsNullOrWhiteSpace(Text(template["id"])))
        {
            result.Add($"{field}.id", "is required for a calendar template (a string)");
        }
    }

    private void CheckButtons(JsonNode? buttons, string type)
    {
        var max = MessageLimits.ButtonsFor(type);
        if (buttons is null)
        {
            return;
        }

        if (buttons is not JsonArray array)
        {
            result.Add($"{field}.buttons", $"must be an array of at most {max} buttons");
            return;
        }

        if (array.Count > max)
        {
            result.Add($"{field}.buttons", $"at most {max} button{(max == 1 ? "" : "s")} on a {type} template (Kakao's limit); got {array.Count}");
        }

        for (var i = 0; i < array.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(Text(Member(array[i], "title"))))
            {
                result.Add($"{field}.buttons[{i}].title", "is required (a string)");
            }

            RequireLink(Member(array[i], "link"), $"{field}.buttons[{i}].link");
        }
    }

    private void RequireLink(JsonNode? link, string path)
    {
        if (link is not JsonObject)
        {
            result.Add(path, $"is required: a link object with at least one of {string.Join(", ", MessageLimits.LinkFields)}");
        }
    }

    internal static JsonNode? Member(JsonNode? node, string name) => node is JsonObject obj ? obj[name] : null;

    internal static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
