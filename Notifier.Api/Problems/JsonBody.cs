using Microsoft.AspNetCore.Http.HttpResults;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace Notifier.Api.Problems;

/// <summary>
/// Reads a JSON request body strictly: at most <see cref="MaxBytes"/>, valid UTF-8, no unknown or repeated fields,
/// field names as documented (case-sensitive), the right types. Every failure is a 4xx problem naming what is wrong,
/// never a 500.
/// </summary>
internal static partial class JsonBody
{
    public const int MaxBytes = 64 * 1024;

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        // Case-sensitive: a template object passed through must reach Kakao with the names it was checked under.
        PropertyNameCaseInsensitive = false,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 32,
    };

    // Checked first, over the whole document: a repeated name is ambiguous, and inside a template object it would
    // otherwise reach JsonObject, which throws a non-JSON exception for it.
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowDuplicateProperties = false,
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 32,
    };

    /// <summary>The body as <typeparamref name="T"/> with its raw bytes, or the problem to answer with.</summary>
    public static async Task<(T? Value, byte[] Raw, ProblemHttpResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        if (request.ContentLength > MaxBytes)
        {
            return (null, [], RequestBytes.TooLarge(MaxBytes));
        }

        if (!IsJson(request.ContentType))
        {
            return (null, [], TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported Media Type",
                detail: "Send the body as UTF-8 with 'Content-Type: application/json'."));
        }

        var raw = await RequestBytes.ReadLimitedAsync(request.BodyReader, MaxBytes, cancellationToken);
        if (raw is null)
        {
            return (null, [], RequestBytes.TooLarge(MaxBytes));
        }

        if (!Utf8.IsValid(raw))
        {
            return (null, raw, Invalid("The body is not valid UTF-8."));
        }

        try
        {
            using var document = JsonDocument.Parse(raw, DocumentOptions);
            var value = document.RootElement.Deserialize<T>(Options);
            return value is null
                ? (null, raw, Invalid("The body must be a JSON object, not null."))
                : (value, raw, null);
        }
        catch (JsonException ex)
        {
            return (null, raw, Invalid(Describe(ex)));
        }
    }

    /// <summary><c>application/json</c>, in any case, with no charset or UTF-8.</summary>
    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && string.Equals(parsed.MediaType, "application/json", StringComparison.OrdinalIgnoreCase)
        && (parsed.CharSet is null || string.Equals(parsed.CharSet.Trim('"'), "utf-8", StringComparison.OrdinalIgnoreCase));

    private static string Describe(JsonException ex)
    {
        var where = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "the body" : $"'{ex.Path}'";
        // System.Text.Json's own messages name .NET types; say it in the request's terms instead.
        if (ex.Message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return $"{where} is not a field this endpoint knows.";
        }

        if (DuplicateProperty().Match(ex.Message) is { Success: true } duplicate)
        {
            return $"The body names the field '{duplicate.Groups[1].Value}' twice in one object.";
        }

        return ex.Message.Contains("could not be converted", StringComparison.Ordinal)
            ? $"{where} has the wrong type of value."
            : $"The body is not valid JSON (near {where}, line {ex.LineNumber + 1}).";
    }

    [GeneratedRegex("^Duplicate property '(.{1,100})'")]
    private static partial Regex DuplicateProperty();

    private static ProblemHttpResult Invalid(string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest, title: "The request body is not valid", detail: detail);
}
