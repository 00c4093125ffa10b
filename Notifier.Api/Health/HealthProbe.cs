namespace Notifier.Api.Health;

/// <summary>
/// <c>dotnet Notifier.Api.dll --health-probe</c>: the container healthcheck, without curl in the image.
/// Exits 0 when <c>/health/ready</c> answers 200.
/// </summary>
internal static class HealthProbe
{
    public const string Argument = "--health-probe";

    public static async Task<int> RunAsync()
    {
        var url = Environment.GetEnvironmentVariable("NOTIFIER_HEALTH_URL") ?? "http://127.0.0.1:8080/health/ready";
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(4) };
        try
        {
            using var response = await http.GetAsync(new Uri(url));
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (HttpRequestException)
        {
            return 1;
        }
        catch (TaskCanceledException)
        {
            return 1;
        }
    }
}
