using System.Net;
using System.Text.Json;

namespace Notifier.Api.Tests.Support;

/// <summary>An answer of the Api, read whole so it can be asserted on after the response is gone.</summary>
public sealed record ApiAnswer(HttpStatusCode Status, string? MediaType, string Body, Uri? Location)
{
    /// <summary>The <c>Retry-After</c> header as a delay, when the answer had one in seconds.</summary>
    public TimeSpan? RetryAfter { get; init; }

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    /// <summary>Asserts a problem+json answer with this status and returns it.</summary>
    public JsonElement AssertProblem(HttpStatusCode status)
    {
        Assert.True(status == Status, $"Expected {(int)status}, got {(int)Status}: {Body}");
        Assert.Equal("application/problem+json", MediaType);
        var problem = Json;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        return problem;
    }

    /// <summary>Asserts a 400 validation problem with an error for <paramref name="field"/> and returns its messages.</summary>
    public string[] AssertFieldError(string field)
    {
        var errors = AssertProblem(HttpStatusCode.BadRequest).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"No error for '{field}' in {errors}");
        var texts = messages.EnumerateArray().Select(m => m.GetString() ?? "").ToArray();
        Assert.NotEmpty(texts);
        Assert.All(texts, t => Assert.False(string.IsNullOrWhiteSpace(t)));
        return texts;
    }

    /// <summary>Asserts a problem whose detail mentions <paramref name="text"/>.</summary>
    public void AssertProblemDetail(HttpStatusCode status, string text)
    {
        var detail = AssertProblem(status).GetProperty("detail").GetString();
        Assert.Contains(text, detail, StringComparison.Ordinal);
    }
}
