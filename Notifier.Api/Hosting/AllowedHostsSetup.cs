using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;
using Notifier.Core;

namespace Notifier.Api.Hosting;

/// <summary>
/// Which <c>Host</c> headers the Api answers (others get 400): the <c>AllowedHosts</c> setting when given; else, once
/// <c>Notifier:PublicUrl</c> is set, its host plus loopback (the container healthcheck and a local proxy use those);
/// else any host.
/// </summary>
internal static class AllowedHostsSetup
{
    public const string SettingName = "AllowedHosts";

    public static readonly IReadOnlyList<string> Loopback = ["localhost", "127.0.0.1", "[::1]"];

    public static IServiceCollection AddNotifierAllowedHosts(this IServiceCollection services, IConfiguration configuration)
    {
        // Runs before the framework's own post-configuration, which reads AllowedHosts, or falls back to "*" when empty.
        services.AddOptions<HostFilteringOptions>().Configure<IOptions<NotifierOptions>>((options, notifier) =>
        {
            if (string.IsNullOrWhiteSpace(configuration[SettingName]) && Default(notifier.Value) is { } hosts)
            {
                options.AllowedHosts = [.. hosts];
            }
        });
        return services;
    }

    /// <summary>The hosts allowed when <c>AllowedHosts</c> is not set; null (any) when PublicUrl is not set either.</summary>
    public static IReadOnlyList<string>? Default(NotifierOptions notifier) =>
        notifier.PublicUri is { } uri ? [.. new[] { uri.Host }.Concat(Loopback).Distinct(StringComparer.OrdinalIgnoreCase)] : null;
}
