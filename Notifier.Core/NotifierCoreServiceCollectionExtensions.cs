using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Notifier.Core.Accounts;
using Notifier.Core.Data;
using Notifier.Core.Kakao;
using Notifier.Core.Logging;
using Notifier.Core.Security;

namespace Notifier.Core;

public static class NotifierCoreServiceCollectionExtensions
{
    /// <summary>Everything the Api and the Worker share: logging, database, key ring, Kakao clients, accounts.</summary>
    public static IHostApplicationBuilder AddNotifierCore(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddNotifierSerilog(builder.Configuration);
        services.AddNotifierDatabase(builder.Configuration, builder.Environment.ContentRootPath);
        services.AddNotifierDataProtection();
        services.AddKakaoClients();
        services.AddSingleton<TokenVault>();
        services.AddScoped<AccountConnector>();
        return builder;
    }
}
