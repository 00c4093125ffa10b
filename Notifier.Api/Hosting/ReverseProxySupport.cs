namespace Notifier.Api.Hosting;

/// <summary>Running behind a TLS reverse proxy: forwarded headers, allowed hosts, HSTS, secure cookies, public URLs.</summary>
internal static class ReverseProxySupport
{
    public static WebApplicationBuilder AddReverseProxySupport(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddNotifierForwardedHeaders(builder.Configuration)
            .AddNotifierAllowedHosts(builder.Configuration)
            .AddNotifierSecureCookies()
            .AddPublicServerInOpenApi();
        return builder;
    }

    public static WebApplication UseReverseProxySupport(this WebApplication app) => app.UseNotifierForwardedHeaders();
}
