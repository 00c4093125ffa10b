using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http.HttpResults;
using Notifier.Api.ApiKeys;
using Notifier.Api.Problems;
using Notifier.Core.Deliveries;
using Notifier.Core.Integrations;

namespace Notifier.Api.Integrations.Ntfy;

/// <summary>
/// ntfy-compatible publishing, for Uptime Kuma, Apprise, Home Assistant, curl: <c>POST</c>/<c>PUT /{topic}</c> with the
/// message as the body and ntfy's headers, and <c>POST /</c> with ntfy's JSON. Answers 200 with ntfy's message JSON.
/// </summary>
internal static class NtfyApi
{
    /// <summary>A message body: ntfy's own limit is 4 KiB of text; a larger one is refused rather than cut unseen.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    public const string RequestedBy = "ntfy";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { MaxDepth = 16 };

    public static IEndpointRouteBuilder MapNtfy(this IEndpointRouteBuilder routes)
    {
        // An API key and its rate limit, as on /api.
        var ntfy = routes.MapApiGroup("", "ntfy");
        // POST and PUT only: GET / stays the home page, and every GET route stays as it is.
        ntfy.MapMethods("/{topic}", [HttpMethods.Post, HttpMethods.Put], PublishTextAsync)
            .Produces<NtfyAnswer>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        ntfy.MapPost("/", PublishJsonAsync)
            .Produces<NtfyAnswer>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        // Any other method on a one-segment path that is no route stays a 404, as before ntfy's routes, not a 405.
        routes.MapMethods("/{topic}", [HttpMethods.Get, HttpMethods.Head, HttpMethods.Delete, HttpMethods.Patch, HttpMethods.Options], () => Results.NotFound())
            .ExcludeFromDescription();
        return routes;
    }

    private static async Task<IResult> PublishTextAsync(
        string topic, HttpRequest request, ClaimsPrincipal user, IntegrationPublisher publisher, CancellationToken cancellationToken)
    {
        if (publisher.CheckTopic(topic) is { } badTopic)
        {
            return badTopic;
        }

        var (bytes, tooLarge) = await RequestBytes.ReadAsync(request, MaxBodyBytes, cancellationToken);
        if (tooLarge is not null)
        {
            return tooLarge;
        }

        if (!Utf8.IsValid(bytes))
        {
            return Bad("The message is not valid UTF-8 text", "Send the message as UTF-8 text (Notifier takes no file attachments).");
        }

        var parameters = new NtfyParams(request);
        if (!NtfyPriority.TryParse(parameters.Priority, out var priority))
        {
            return Bad("The priority is not valid", $"Priority is {NtfyPriority.Rule}.");
        }

        var body = Encoding.UTF8.GetString(bytes!).Trim();
        var message = new IntegrationMessage
        {
            Topic = topic,
            RequestedBy = RequestedBy,
            Title = parameters.Title,
            Body = body.Length > 0 ? body : parameters.Message ?? "triggered",
            Tags = parameters.TagList,
            Priority = priority,
            Click = parameters.Click,
            ImageUrl = ImageOrNull(parameters.Attach),
            Buttons = ViewButtons(NtfyParams.ParseActions(parameters.Actions)),
            Markdown = parameters.Markdown,
        };
        return await PublishAsync(message, user, publisher, cancellationToken);
    }

    private static async Task<IResult> PublishJsonAsync(HttpRequest request, ClaimsPrincipal user, IntegrationPublisher publisher, CancellationToken cancellationToken)
    {
        var (bytes, tooLarge) = await RequestBytes.ReadAsync(request, MaxBodyBytes, cancellationToken);
        if (tooLarge is not null)
        {
            return tooLarge;
        }

        NtfyJsonMessage? json;
        try
        {
            json = JsonSerializer.Deserialize<NtfyJsonMessage>(bytes, Json);
        }
        catch (JsonException)
        {
            return Bad("The body is not ntfy's JSON", "POST / takes ntfy's JSON: {\"topic\":\"...\",\"message\":\"...\",\"title\":\"...\",...}.");
        }

        if (json?.Topic is not { } topic)
        {
            return Bad("The topic is missing", "ntfy's JSON needs 'topic'.");
        }

        if (json.Priority is < 1 or > 5)
        {
            return Bad("The priority is not valid", "Priority is 1 to 5.");
        }

        var message = new IntegrationMessage
        {
            Topic = topic,
            RequestedBy = RequestedBy,
            Title = json.Title,
            Body = string.IsNullOrWhiteSpace(json.Message) ? "triggered" : json.Message,
            Tags = json.Tags ?? [],
            Priority = json.Priority ?? 3,
            Click = json.Click,
            ImageUrl = ImageOrNull(json.Attach),
            Buttons = ViewButtons(json.Actions ?? []),
            Markdown = json.Markdown == true,
        };
        return await PublishAsync(message, user, publisher, cancellationToken);
    }

    private static async Task<IResult> PublishAsync(IntegrationMessage message, ClaimsPrincipal user, IntegrationPublisher publisher, CancellationToken cancellationToken)
    {
        var (delivery, refusal) = await publisher.PublishAsync(user, message, cancellationToken);
        return refusal ?? TypedResults.Ok(Answer(delivery!, message));
    }

    private static NtfyAnswer Answer(Delivery delivery, IntegrationMessage message) => new(
        delivery.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        new DateTimeOffset(delivery.CreatedAt, TimeSpan.Zero).ToUnixTimeSeconds(),
        "message",
        message.Topic,
        message.Body)
    {
        Title = message.Title,
        Tags = message.Tags.Count > 0 ? message.Tags : null,
        Priority = message.Priority == 3 ? null : message.Priority,
        Click = message.Click,
    };

    /// <summary>ntfy attaches any URL; a card shows it only when it names an image.</summary>
    private static string? ImageOrNull(string? attach) =>
        attach is not null && Uri.TryCreate(attach.Trim(), UriKind.Absolute, out var uri)
        && Path.GetExtension(uri.AbsolutePath).ToLowerInvariant() is ".png" or ".jpg" or ".jpeg" or ".gif" or ".webp"
            ? attach.Trim()
            : null;

    private static List<IntegrationButton> ViewButtons(IEnumerable<NtfyAction> actions) => actions
        .Where(a => string.Equals(a.Action, "view", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(a.Url))
        .Select(a => new IntegrationButton(string.IsNullOrWhiteSpace(a.Label) ? "Open" : a.Label, a.Url!))
        .ToList();

    private static ProblemHttpResult Bad(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: title, detail: detail);
}
