using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Notifier.Api.Hosting;

/// <summary>
/// Behind a reverse proxy: <c>X-Forwarded-For/Proto/Host</c> are honoured from loopback and from the proxies in
/// <see cref="ProxyOptions"/> only (anyone else could claim to be https or another host), and an https response carries
/// HSTS.
/// </summary>
internal static class ForwardedHeadersSetup
{
    public static readonly TimeSpan HstsMaxAge = TimeSpan.FromDays(180);

    public static IServiceCollection AddNotifierForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ProxyOptions>()
            .BindConfiguration(ProxyOptions.SectionName)
            .Configure(o => o.AddScalarValues(configuration.GetSection(ProxyOptions.SectionName)))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>, IOptions<HostFilteringOptions>>((options, proxy, hosts) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // The defaults already trust 127.0.0.0/8 and ::1; the configured proxies come on top.
            foreach (var network in proxy.Value.Networks())
            {
                options.KnownIPNetworks.Add(network);
            }

            foreach (var address in proxy.Value.Proxies())
            {
                options.KnownProxies.Add(address);
            }

            // A forwarded host must be one the Api answers for at all.
            if (!hosts.Value.AllowedHosts.Contains("*"))
            {
                options.AllowedHosts = [.. hosts.Value.AllowedHosts];
            }
        });
        services.AddHsts(o =>
        {
            o.MaxAge = HstsMaxAge;
            o.IncludeSubDomains = false; // other sites may live on sibling hosts of the public one
        });
        return services;
    }

    /// <summary>First in the pipeline, so that logs, redirects, cookies and HSTS all see the client's scheme and host.</summary>
    public static WebApplication UseNotifierForwardedHeaders(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        return app;
    }
}
