using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Notifier.Api.Problems;

/// <summary>A request body read whole, up to a limit; a larger one is a 413 problem and is never read to its end.</summary>
internal static class RequestBytes
{
    public static async Task<(byte[]? Bytes, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }

        var bytes = await ReadLimitedAsync(request.BodyReader, maxBytes, cancellationToken);
        return bytes is null ? (null, TooLarge(maxBytes)) : (bytes, null);
    }

    /// <summary>The whole body, or null as soon as more than <paramref name="maxBytes"/> arrived.</summary>
    public static async Task<byte[]?> ReadLimitedAsync(PipeReader reader, int maxBytes, CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await reader.ReadAsync(cancellationToken);
            if (read.Buffer.Length > maxBytes)
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

    public static ProblemHttpResult TooLarge(int maxBytes) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "The request body is too large",
        detail: $"A request body may be at most {maxBytes / 1024} KiB here.");
}
