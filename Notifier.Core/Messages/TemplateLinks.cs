using System.Text.Json.Nodes;

namespace Notifier.Core.Messages;

/// <summary>
/// Every link object in a template (<c>link</c>, <c>header_link</c>, wherever they are) holds at least one of Kakao's
/// link fields and nothing else, and every <c>web_url</c> and <c>mobile_web_url</c> is a link Kakao will open.
/// </summary>
internal sealed class TemplateLinks(LinkPolicy links, MessageValidation result)
{
    private static readonly string[] LinkObjectNames = ["link", "header_link"];
    private static readonly string[] UrlFields = ["web_url", "mobile_web_url"];

    public void Check(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    var at = $"{path}.{name}";
                    if (LinkObjectNames.Contains(name))
                    {
                        CheckLinkObject(value, at);
                    }
                    else if (UrlFields.Contains(name))
                    {
                        CheckUrl(value, at);
                    }
                    else
                    {
                        Check(value, at);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Check(array[i], $"{path}[{i}]");
                }

                break;
        }
    }

    private void CheckLinkObject(JsonNode? node, string path)
    {
        if (node is not JsonObject link)
        {
            Add(path, $"must be a link object with at least one of {string.Join(", ", MessageLimits.LinkFields)}");
            return;
        }

        var given = 0;
        foreach (var (name, value) in link)
        {
            if (!MessageLimits.LinkFields.Contains(name))
            {
                Add($"{path}.{name}", $"is not part of a link object: Kakao takes only {string.Join(", ", MessageLimits.LinkFields)}");
            }
            else if (UrlFields.Contains(name))
            {
                CheckUrl(value, $"{path}.{name}");
                given++;
            }
            else if (TemplateCheck.Text(value) is null)
            {
                Add($"{path}.{name}", "must be a string (key1=value1&key2=value2)");
            }
            else
            {
                given++;
            }
        }

        if (given == 0)
        {
            Add(path, $"needs at least one of {string.Join(", ", MessageLimits.LinkFields)}");
        }
    }

    private void CheckUrl(JsonNode? value, string path)
    {
        var problem = TemplateCheck.Text(value) is { } url ? links.Check(url) : "must be a string";
        if (problem is not null)
        {
            Add(path, problem);
        }
    }

    // A field already said to be missing or of the wrong kind is not reported twice.
    private void Add(string field, string message)
    {
        if (!result.Has(field))
        {
            result.Add(field, message);
        }
    }
}
