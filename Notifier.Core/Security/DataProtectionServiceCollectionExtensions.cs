using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Notifier.Core.Security;

public static class DataProtectionServiceCollectionExtensions
{
    /// <summary>The application name every Notifier process shares, so their protectors agree.</summary>
    public const string ApplicationName = "Notifier";

    /// <summary>Data Protection with its key ring in the database (register the database first).</summary>
    public static IServiceCollection AddNotifierDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o =>
                o.XmlRepository = new DbXmlRepository(sp.GetRequiredService<IServiceScopeFactory>())));
        return services;
    }
}
