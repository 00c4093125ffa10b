using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Notifier.Api.OpenApi;

/// <summary>One named request example per message shape on <c>POST /api/messages</c>, so the document shows all five.</summary>
internal static class MessageShapeExamples
{
    public static readonly IReadOnlyDictionary<string, (string Summary, string Json)> Shapes = new Dictionary<string, (string, string)>
    {
        ["text"] = ("A text memo (at most 200 characters) with an optional link", """{"text":"Backup finished","link":"https://example.com/backups"}"""),
        ["card"] = ("A card (Kakao's feed template) with up to two buttons",
            """{"card":{"title":"Deploy failed","description":"main @ 4711","buttons":[{"title":"Logs","link":"https://example.com/ci/4711"}]}}"""),
        ["template"] = ("A Kakao default template object, checked and sent as given",
            """{"template":{"object_type":"text","text":"Hello","link":{"web_url":"https://example.com"}}}"""),
        ["templateId"] = ("A template built in the Kakao Developers console, with its arguments (all strings)",
            """{"templateId":12345,"templateArgs":{"name":"value"}}"""),
        ["scrapUrl"] = ("A page Kakao scrapes into the memo (its domain registered), optionally laid out by a console template",
            """{"scrapUrl":"https://example.com/post/1","templateId":12345,"templateArgs":{"name":"value"}}"""),
    };

    /// <summary>Adds the examples to the JSON body of <c>POST /api/messages</c>.</summary>
    public static void Apply(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        if (context.Description.HttpMethod != "POST" || context.Description.RelativePath?.TrimEnd('/') != "api/messages"
            || operation.RequestBody?.Content?.TryGetValue("application/json", out var media) != true || media is null)
        {
            return;
        }

        media.Examples ??= new Dictionary<string, IOpenApiExample>();
        foreach (var (name, (summary, json)) in Shapes)
        {
            media.Examples[name] = new OpenApiExample { Summary = summary, Value = JsonNode.Parse(json) };
        }

        operation.Description = "Queues one memo. Give exactly one of `text`, `card`, `template`, `templateId` or `scrapUrl` "
            + "(`scrapUrl` may come with `templateId` and `templateArgs`); otherwise 400 names the fields. Schedules take the same shapes.";
    }
}
