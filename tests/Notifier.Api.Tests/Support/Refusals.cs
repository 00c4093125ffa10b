using System.Net;

namespace Notifier.Api.Tests.Support;

public static class Refusals
{
    /// <summary>
    /// Asserts a problem+json with <paramref name="status"/> whose title or detail names <paramref name="named"/>, and
    /// that no delivery row was added.
    /// </summary>
    public static async Task AssertRefusedAsync(ApiFixture fixture, Func<ApiClient, Task<ApiAnswer>> send, HttpStatusCode status, string named)
    {
        using var api = new ApiClient(fixture);
        var before = await fixture.DeliveryCountAsync();

        var answer = await send(api);

        var problem = answer.AssertProblem(status);
        var detail = problem.TryGetProperty("detail", out var d) ? d.GetString() : null;
        Assert.Contains(named, $"{problem.GetProperty("title").GetString()} {detail}", StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await fixture.DeliveryCountAsync());
    }
}
