using Notifier.Api.Hosting;

namespace Notifier.Api.Health;

/// <summary>
/// <c>dotnet Notifier.Api.dll --health-probe</c>: the container healthcheck, without curl in the image.
/// Exits 0 when <c>/health/ready</c> answers 200 on the address this container's Api listens on, read from the same
/// settings the Api reads (<c>NOTIFIER_HEALTH_URL</c> overrides it).
/// </summary>
internal static class HealthProbe
{
    public const string Argument = "--health-probe";

    public static async Task<int> RunAsync()
    {
        var url = Environment.GetEnvironmentVariable("NOTIFIER_HEALTH_URL") is { Length: > 0 } given
            ? new Uri(given)
            : new Uri(ListenAddress.Loopback(ListenAddress.Chosen(Settings()) ?? ListenAddress.Default), "/health/ready");
        using var handler = new HttpClientHandler
        {
            // Only loopback is probed: an https-only Api's own certificate need not be trusted by the probe.
            ServerCertificateCustomValidationCallback = (_, _, _, _) => url.IsLoopback,
        };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(4) };
        try
        {
            using var response = await http.GetAsync(url);
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

    /// <summary>The listen settings as the Api's builder reads them: appsettings, then DOTNET_/ASPNETCORE_ variables, then the rest.</summary>
    private static IConfiguration Settings()
    {
        var environment = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? "Production";
        return new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables("DOTNET_")
            .AddEnvironmentVariables("ASPNETCORE_")
            .AddEnvironmentVariables()
            .Build();
    }
}
