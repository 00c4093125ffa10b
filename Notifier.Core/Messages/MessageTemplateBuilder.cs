using System.Text.Json;
using System.Text.Json.Nodes;

namespace Notifier.Core.Messages;

/// <summary>
/// Validates a message against every limit Kakao documents (and Notifier's own) and renders the Kakao default
/// template sent as <c>template_object</c>. Nothing invalid is ever stored or sent.
/// </summary>
public sealed class MessageTemplateBuilder(LinkPolicy links)
{
    public MessageValidation Build(MessageContent? content, string prefix = "")
    {
        var result = new MessageValidation();
        var shapes = content is null ? 0 : (content.Text is null ? 0 : 1) + (content.Card is null ? 0 : 1) + (content.Template is null ? 0 : 1);
        if (content is null || shapes != 1)
        {
            result.Add(prefix + "message", "give exactly one of 'text', 'card' or 'template'");
            return result;
        }

        if (content.Text is null && content.Link is not null)
        {
            // Silently dropping it would send a card or template whose link is not the one the caller gave.
            result.Add(prefix + "link", "goes with 'text' only; a card has 'card.link', a template its own link objects");
            return result;
        }

        var template = content.Text is not null ? TextTemplate(content, result, prefix)
            : content.Card is not null ? new CardTemplate(links, result, prefix + "card").Render(content.Card)
            : new TemplateCheck(links, result, prefix + "template").Check(content.Template!);
        if (result.HasErrors || template is null)
        {
            return result;
        }

        var json = template.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        if (json.Length > MessageLimits.TemplateJsonLength)
        {
            result.Add(prefix + "message", $"the template must be at most {MessageLimits.TemplateJsonLength} characters of JSON");
            return result;
        }

        result.TemplateJson = json;
        return result;
    }

    private JsonObject? TextTemplate(MessageContent content, MessageValidation result, string prefix)
    {
        var text = content.Text!;
        if (text.Trim().Length == 0)
        {
            result.Add(prefix + "text", "must not be empty");
        }
        else if (text.Length > MessageLimits.TextLength)
        {
            result.Add(prefix + "text", $"must be at most {MessageLimits.TextLength} characters (Kakao's limit for a text memo); it has {text.Length}");
        }

        var link = links.LinkObject(content.Link, prefix + "link", result);
        return result.HasErrors ? null : new JsonObject { ["object_type"] = "text", ["text"] = text, ["link"] = link };
    }
}
