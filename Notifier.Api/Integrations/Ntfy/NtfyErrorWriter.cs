using System.Text.Json;

namespace Notifier.Api.Integrations.Ntfy;

/// <summary>Endpoint metadata: this route is ntfy's <c>/v1</c> API, so its refusals are written as ntfy writes them.</summary>
internal sealed class NtfyErrors;

/// <summary>
/// Writes every problem of a <see cref="NtfyErrors"/> route (401 from the key check, 429 from the rate limit, 400, 404)
/// as ntfy's error JSON instead of RFC 9457: ntfy's clients raise their error from exactly <c>code</c>, <c>http</c>,
/// <c>error</c> and <c>link</c> (Home Assistant turns 40101 into "invalid authentication"), and fail on any other key.
/// The problem's title and detail become <c>error</c>, so the text says the same.
/// </summary>
internal sealed class NtfyErrorWriter : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<NtfyErrors>() is not null;

    public async ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var response = context.HttpContext.Response;
        var status = context.ProblemDetails.Status ?? response.StatusCode;
        var problem = context.ProblemDetails;
        var text = string.IsNullOrWhiteSpace(problem.Detail) ? problem.Title ?? "error" : $"{problem.Title}: {problem.Detail}";
        response.StatusCode = status;
        await response.WriteAsJsonAsync(new NtfyError(Code(status), status, text, ""), JsonSerializerOptions.Web, context.HttpContext.RequestAborted);
    }

    /// <summary>ntfy's code for the status: its first code of that status where it has one (40101, 40301, 40401, 41301, 42901), else status × 100.</summary>
    public static int Code(int status) => status * 100 + (status is 401 or 403 or 404 or 413 or 429 ? 1 : 0);
}
