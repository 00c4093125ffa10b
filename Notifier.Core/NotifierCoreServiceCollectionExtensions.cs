using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Notifier.Core.Accounts;
using Notifier.Core.Data;
using Notifier.Core.Deliveries;
using Notifier.Core.Integrations;
using Notifier.Core.Kakao;
using Notifier.Core.Logging;
using Notifier.Core.Messages;
using Notifier.Core.Owners;
using Notifier.Core.Schedules;
using Notifier.Core.Security;

namespace Notifier.Core;

public static class NotifierCoreServiceCollectionExtensions
{
    /// <summary>Everything the Api and the Worker share: logging, database, key ring, Kakao clients, accounts.</summary>
    public static IHostApplicationBuilder AddNotifierCore(this IHostApplicationBuilder builder)
    {
        PlaceholderSettings.ThrowIfAny(builder.Configuration);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddNotifierSerilog(builder.Configuration);
        services.AddNotifierDatabase(builder.Configuration, builder.Environment.ContentRootPath);
        services.AddNotifierDataProtection(builder.Configuration, builder.Environment);
        services.AddKakaoClients();
        services.AddOptions<NotifierOptions>().BindConfiguration(NotifierOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DispatchOptions>().BindConfiguration(DispatchOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<TokenOptions>().BindConfiguration(TokenOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OwnerOptions>().BindConfiguration(OwnerOptions.SectionName)
            .Configure(o => o.AddScalarValue(builder.Configuration.GetSection(OwnerOptions.SectionName)))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Admission>();
        services.AddScoped<Invites>();
        services.AddSingleton<TokenVault>();
        services.AddScoped<AccountConnector>();
        services.AddScoped<AccessTokenService>();
        services.AddScoped<AccountUnlinker>();
        services.AddSingleton<UnlinkSignal>();
        services.AddScoped<AccountDisconnector>();
        services.AddSingleton<LinkPolicy>();
        services.AddSingleton<MessageTemplateBuilder>();
        services.AddSingleton<DispatchSignal>();
        services.AddScoped<DeliveryIntake>();
        services.AddScoped<IntakeGroupWriter>();
        services.AddSingleton<IntakeCommitter>();
        services.AddHostedService(sp => sp.GetRequiredService<IntakeCommitter>());
        services.AddSingleton<IntegrationRenderer>();
        services.AddScoped<IntegrationIntake>();
        services.AddSingleton<TopicSecrets>();
        services.AddScoped<DeliveryClaimer>();
        services.AddTransient<DeliverySender>();
        services.TryAddSingleton<RetryJitter>();
        services.AddScoped<DeliveryOutcomeWriter>();
        services.AddSingleton<DeliveryDispatcher>();
        services.AddScoped<DeliveryRetention>();
        services.AddSingleton<DispatchPipeline>();
        services.AddOptions<ScheduleOptions>().BindConfiguration(ScheduleOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ScheduleMaterializer>();
        services.AddScoped<ScheduleService>();
        services.AddSingleton<ConsentCheck>();
        services.AddSingleton<TokenUpkeep>();
        return builder;
    }

    /// <summary>Runs the outbox dispatcher in this process unless <c>Dispatch:Enabled</c> says otherwise.</summary>
    public static IHostApplicationBuilder AddNotifierDispatcher(this IHostApplicationBuilder builder, bool enabledByDefault)
    {
        if ((builder.Configuration.GetSection(DispatchOptions.SectionName).Get<DispatchOptions>() ?? new DispatchOptions()).Enabled ?? enabledByDefault)
        {
            builder.Services.AddHostedService<DispatcherService>();
        }

        return builder;
    }
}
