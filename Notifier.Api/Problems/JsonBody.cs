using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Notifier.Api.Problems;

/// <summary>
/// Reads a JSON request body strictly: at most <see cref="MaxBytes"/>, valid UTF-8, no unknown fields, the right
/// types. Every failure is a 4xx problem naming what is wrong, never a 500.
/// </summary>
internal static class JsonBody
{
    public const int MaxBytes = 64 * 1024;

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 32,
    };

    /// <summary>The body as <typeparamref name="T"/> with its raw bytes, or the problem to answer with.</summary>
    public static async Task<(T? Value, byte[] Raw, IResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        if (request.ContentLength > MaxBytes)
        {
            return (null, [], TooLarge());
        }

        if (request.ContentType is not { } contentType || !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, [], Results.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "The body must be JSON",
                detail: "Send the body with 'Content-Type: application/json'."));
        }

        var raw = await ReadLimitedAsync(request.BodyReader, cancellationToken);
        if (raw is null)
        {
            return (null, [], TooLarge());
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(raw, Options);
            return value is null
                ? (null, raw, Invalid("The body must be a JSON object, not null."))
                : (value, raw, null);
        }
        catch (JsonException ex)
        {
            return (null, raw, Invalid(Describe(ex)));
        }
    }

    private static async Task<byte[]?> ReadLimitedAsync(PipeReader reader, CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await reader.ReadAsync(cancellationToken);
            if (read.Buffer.Length > MaxBytes)
            {
                reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
                return null;
            }

            if (read.IsCompleted)
            {
                var bytes = read.Buffer.ToArray();
                reader.AdvanceTo(read.Buffer.End);
                return bytes;
            }

            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
    }

    private static string Describe(JsonException ex)
    {
        var where = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "the body" : $"'{ex.Path}'";
        // System.Text.Json's own messages name .NET types; say it in the request's terms instead.
        if (ex.Message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return $"{where} is not a field this endpoint knows.";
        }

        return ex.Message.Contains("could not be converted", StringComparison.Ordinal)
            ? $"{where} has the wrong type of value."
            : $"The body is not valid JSON (near {where}, line {ex.LineNumber + 1}).";
    }

    private static IResult Invalid(string detail) => Results.Problem(
        statusCode: StatusCodes.Status400BadRequest, title: "The request body is not valid", detail: detail);

    private static IResult TooLarge() => Results.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "The request body is too large",
        detail: $"A request body may be at most {MaxBytes / 1024} KiB.");
}
