using System.Text.Json;
using System.Text.Json.Nodes;

namespace Notifier.Core.Messages;

/// <summary>
/// Validates a message against every limit Kakao documents (and Notifier's own) and renders what is stored and sent:
/// the Kakao default template sent as <c>template_object</c>, or for a console template or a scrap the envelope
/// <see cref="Kakao.StoredMemo"/> describes. Nothing invalid is ever stored or sent.
/// </summary>
public sealed class MessageTemplateBuilder(LinkPolicy links)
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public MessageValidation Build(MessageContent? content, string prefix = "")
    {
        var result = new MessageValidation();
        var shapes = content is null ? [] : Shapes(content);
        if (content is null || shapes.Count != 1)
        {
            var got = shapes.Count == 0 ? "none" : string.Join(", ", shapes.Select(s => $"'{s}'"));
            result.Add(prefix + "message",
                $"give exactly one of 'text', 'card', 'template', 'templateId' or 'scrapUrl' ('scrapUrl' may come with 'templateId' and 'templateArgs'); got {got}");
            return result;
        }

        if (content.Text is null && content.Link is not null)
        {
            // Silently dropping it would send a card or template whose link is not the one the caller gave.
            result.Add(prefix + "link", "goes with 'text' only; a card has 'card.link', a template its own link objects");
            return result;
        }

        if (content.TemplateArgs is not null && content.TemplateId is null)
        {
            result.Add(prefix + "templateArgs", "goes with 'templateId' only: the arguments fill that console template");
            return result;
        }

        var json = shapes[0] is "templateId" or "scrapUrl"
            ? new ConsoleTemplateMessage(links, result, prefix).Check(content)?.ToStoredJson()
            : DefaultTemplate(content, result, prefix)?.ToJsonString(Relaxed);
        if (result.HasErrors || json is null)
        {
            return result;
        }

        if (json.Length > MessageLimits.TemplateJsonLength)
        {
            result.Add(prefix + "message", $"the template must be at most {MessageLimits.TemplateJsonLength} characters of JSON");
            return result;
        }

        result.TemplateJson = json;
        return result;
    }

    /// <summary>The message shapes given, by their request names; a console template beside a scrap lays the scrap out.</summary>
    private static List<string> Shapes(MessageContent content)
    {
        var shapes = new List<string>();
        if (content.Text is not null)
        {
            shapes.Add("text");
        }

        if (content.Card is not null)
        {
            shapes.Add("card");
        }

        if (content.Template is not null)
        {
            shapes.Add("template");
        }

        if (content.TemplateId is not null && content.ScrapUrl is null)
        {
            shapes.Add("templateId");
        }

        if (content.ScrapUrl is not null)
        {
            shapes.Add("scrapUrl");
        }

        return shapes;
    }

    private JsonObject? DefaultTemplate(MessageContent content, MessageValidation result, string prefix) =>
        content.Text is not null ? TextTemplate(content, result, prefix)
        : content.Card is not null ? new CardTemplate(links, result, prefix + "card").Render(content.Card)
        : new TemplateCheck(links, result, prefix + "template").Check(content.Template!);

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
