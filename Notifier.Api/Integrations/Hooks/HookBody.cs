using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Notifier.Api.Problems;

namespace Notifier.Api.Integrations.Hooks;

/// <summary>A webhook's JSON body: the topic checked first, at most <see cref="MaxBytes"/>, JSON of the expected shape.</summary>
internal static class HookBody
{
    /// <summary>Alertmanager, Grafana and GitHub payloads are a few KiB; GitHub caps its own at 25 MB, but nothing Notifier shows needs more than this.</summary>
    public const int MaxBytes = 1024 * 1024;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { MaxDepth = 64 };

    public static async Task<(T? Value, ProblemHttpResult? Problem)> ReadAsync<T>(
        HttpRequest request, IntegrationPublisher publisher, string topic, string expected, CancellationToken cancellationToken)
        where T : class
    {
        if (publisher.CheckTopic(topic) is { } badTopic)
        {
            return (null, badTopic);
        }

        var (bytes, tooLarge) = await RequestBytes.ReadAsync(request, MaxBytes, cancellationToken);
        return tooLarge is not null ? (null, tooLarge) : Parse<T>(bytes!, expected);
    }

    public static (T? Value, ProblemHttpResult? Problem) Parse<T>(byte[] bytes, string expected)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(bytes, Json) is { } value ? (value, null) : (null, Malformed(expected));
        }
        catch (JsonException)
        {
            return (null, Malformed(expected));
        }
    }

    public static ProblemHttpResult Malformed(string expected) => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest, title: "The payload is not valid", detail: $"Expected {expected}.");
}
