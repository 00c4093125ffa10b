using Microsoft.AspNetCore.Http.HttpResults;

namespace Notifier.Api.Problems;

/// <summary>What the strict-body filter asks of every strictly read body parameter.</summary>
internal interface IStrictJsonBody
{
    /// <summary>The problem the body was refused with, or null when it was read.</summary>
    ProblemHttpResult? Problem { get; }
}

/// <summary>
/// A JSON request body read strictly (<see cref="JsonBody"/>: size, media type, UTF-8, unknown or repeated fields, types).
/// Take it as a handler parameter and map the endpoint with <see cref="StrictJsonEndpoints.WithStrictJsonBody{T}"/>:
/// a refused body is answered with its problem before the handler runs, so a handler only sees a valid <see cref="Value"/>.
/// </summary>
internal sealed class StrictJson<T> : IStrictJsonBody
    where T : class
{
    private readonly T? _value;

    private StrictJson(T? value, ProblemHttpResult? problem) => (_value, Problem) = (value, problem);

    public T Value => _value ?? throw new InvalidOperationException("The body was refused; the strict-body filter answers before the handler runs.");

    public ProblemHttpResult? Problem { get; }

    /// <summary>Minimal API's binding hook: reads the body as <see cref="JsonBody"/> does.</summary>
    public static async ValueTask<StrictJson<T>?> BindAsync(HttpContext context)
    {
        var (value, _, problem) = await JsonBody.ReadAsync<T>(context.Request, context.RequestAborted);
        return new StrictJson<T>(value, problem);
    }
}

internal static class StrictJsonEndpoints
{
    /// <summary>The endpoint takes a strictly read <typeparamref name="T"/> body: described as such, its problems answered for it.</summary>
    public static RouteHandlerBuilder WithStrictJsonBody<T>(this RouteHandlerBuilder endpoint)
        where T : class =>
        endpoint
            .Accepts<T>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .AddEndpointFilter(async (context, next) =>
                context.Arguments.OfType<IStrictJsonBody>().Select(b => b.Problem).FirstOrDefault(p => p is not null) ?? await next(context));
}
