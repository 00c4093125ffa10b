using System.Text.Json.Nodes;

namespace Notifier.Core.Messages;

/// <summary>Renders a <see cref="CardContent"/> as Kakao's feed template, recording every problem by field.</summary>
internal sealed class CardTemplate(LinkPolicy links, MessageValidation result, string field)
{
    public JsonObject? Render(CardContent card)
    {
        var content = new JsonObject();
        Text(card.Title, "title", MessageLimits.TitleLength, required: true, content);
        Text(card.Description, "description", MessageLimits.DescriptionLength, required: false, content);
        if (card.ImageUrl is not null)
        {
            if (!Uri.TryCreate(card.ImageUrl, UriKind.Absolute, out var image) || image.Scheme is not ("http" or "https") || card.ImageUrl.Length > MessageLimits.UrlLength)
            {
                result.Add($"{field}.imageUrl", "must be an absolute http or https URL Kakao's servers can fetch");
            }

            content["image_url"] = card.ImageUrl;
            Dimension(card.ImageWidth, "imageWidth", content, "image_width");
            Dimension(card.ImageHeight, "imageHeight", content, "image_height");
        }
        else if (card.ImageWidth is not null || card.ImageHeight is not null)
        {
            result.Add($"{field}.imageUrl", "is required when imageWidth or imageHeight is given");
        }

        content["link"] = links.LinkObject(card.Link, $"{field}.link", result);
        var template = new JsonObject { ["object_type"] = "feed", ["content"] = content };
        if (card.Buttons is { Count: > 0 } buttons)
        {
            if (buttons.Count > MessageLimits.Buttons)
            {
                result.Add($"{field}.buttons", $"at most {MessageLimits.Buttons} buttons (Kakao's limit); got {buttons.Count}");
            }

            template["buttons"] = new JsonArray(buttons.Take(MessageLimits.Buttons).Select((b, i) => (JsonNode)Button(b, $"{field}.buttons[{i}]")).ToArray());
        }

        return template;
    }

    private JsonObject Button(CardButton? button, string path)
    {
        var rendered = new JsonObject();
        if (string.IsNullOrWhiteSpace(button?.Title))
        {
            result.Add($"{path}.title", "is required");
        }
        else if (button.Title.Length > MessageLimits.TitleLength)
        {
            result.Add($"{path}.title", $"must be at most {MessageLimits.TitleLength} characters");
        }

        rendered["title"] = button?.Title;
        rendered["link"] = links.LinkObject(button?.Link, $"{path}.link", result);
        return rendered;
    }

    private void Text(string? value, string name, int max, bool required, JsonObject target)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                result.Add($"{field}.{name}", "is required");
            }

            return;
        }

        if (value.Length > max)
        {
            result.Add($"{field}.{name}", $"must be at most {max} characters; it has {value.Length}");
        }

        target[name] = value;
    }

    private void Dimension(int? value, string name, JsonObject target, string kakaoName)
    {
        if (value is null)
        {
            return;
        }

        if (value is < 1 or > 10_000)
        {
            result.Add($"{field}.{name}", "must be between 1 and 10000 pixels");
        }

        target[kakaoName] = value;
    }
}
