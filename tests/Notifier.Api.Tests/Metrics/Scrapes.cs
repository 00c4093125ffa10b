using System.Net;
using Notifier.Testing.Metrics;

namespace Notifier.Api.Tests.Metrics;

/// <summary>What a Prometheus server gets from <c>GET /metrics</c>.</summary>
public static class Scrapes
{
    public static async Task<PrometheusText> ScrapeAsync(this HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET /metrics: {(int)response.StatusCode} {body}");
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        return PrometheusText.Parse(body);
    }
}
