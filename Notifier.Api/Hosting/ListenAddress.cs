using Microsoft.AspNetCore.Hosting;

namespace Notifier.Api.Hosting;

/// <summary>
/// Where the Api listens: the standard ASP.NET Core settings decide (<c>ASPNETCORE_URLS</c>, <c>ASPNETCORE_HTTP_PORTS</c>,
/// <c>--urls</c>, <c>Urls</c>, <c>Kestrel:Endpoints</c>); <see cref="Default"/> only when none of them is set.
/// </summary>
internal static class ListenAddress
{
    public const string Default = "http://localhost:5080";

    public static WebApplicationBuilder UseDefaultListenAddressUnlessChosen(this WebApplicationBuilder builder)
    {
        if (Chosen(builder.Configuration) is null)
        {
            builder.WebHost.UseUrls(Default);
        }

        return builder;
    }

    /// <summary>The first address the settings choose, or null when they choose none.</summary>
    public static string? Chosen(IConfiguration configuration)
    {
        var urls = configuration[WebHostDefaults.ServerUrlsKey];
        if (!string.IsNullOrWhiteSpace(urls))
        {
            var all = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return all.FirstOrDefault(u => u.StartsWith("http:", StringComparison.OrdinalIgnoreCase)) ?? all[0];
        }

        var endpoint = configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).FirstOrDefault(u => !string.IsNullOrWhiteSpace(u));
        if (endpoint is not null)
        {
            return endpoint;
        }

        if (FirstPort(configuration[WebHostDefaults.HttpPortsKey]) is { } http)
        {
            return $"http://+:{http}";
        }

        return FirstPort(configuration[WebHostDefaults.HttpsPortsKey]) is { } https ? $"https://+:{https}" : null;
    }

    /// <summary>The address a process in the same container reaches <paramref name="listen"/> on (wildcards become loopback).</summary>
    public static Uri Loopback(string listen)
    {
        var normalized = listen.Replace("://+", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://*", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal);
        return new Uri(normalized);
    }

    private static string? FirstPort(string? ports) =>
        ports?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
}
