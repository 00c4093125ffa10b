using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Notifier.Api.Messages;

/// <summary>The optional <c>Idempotency-Key</c> request header: one value of 1 to 200 printable characters.</summary>
internal static class IdempotencyKeyHeader
{
    /// <summary>Marks an endpoint that reads the header, so the API description lists it (OpenApiSetup).</summary>
    public sealed class Accepted;

    /// <summary>Says in the endpoint's metadata that it takes an Idempotency-Key.</summary>
    public static TBuilder AcceptsIdempotencyKey<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new Accepted());

    public const string Name = "Idempotency-Key";
    public const int MaxLength = 200;

    /// <summary>
    /// False with the problem to answer when the header is there but unusable. Read by hand rather than bound: a
    /// repeated header is refused instead of being joined into one key, and an empty one instead of being ignored.
    /// </summary>
    public static bool TryRead(HttpRequest request, out string? key, [NotNullWhen(false)] out ProblemHttpResult? problem)
    {
        key = null;
        problem = null;
        if (!request.Headers.TryGetValue(Name, out var values))
        {
            return true;
        }

        key = values.Count == 1 ? values[0] : null;
        if (key is null or { Length: 0 or > MaxLength } || key.Any(char.IsControl))
        {
            key = null;
            problem = TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The Idempotency-Key is not valid",
                detail: $"Send one Idempotency-Key of 1 to {MaxLength} printable characters.");
            return false;
        }

        return true;
    }
}
