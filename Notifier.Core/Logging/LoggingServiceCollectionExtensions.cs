using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Serilog;
using Serilog.Events;
using Serilog.Settings.Configuration;

namespace Notifier.Core.Logging;

public static class LoggingServiceCollectionExtensions
{
    private const string ConsoleTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    private static readonly ConfigurationReaderOptions SettingsAssemblies = new(typeof(ConsoleLoggerConfigurationExtensions).Assembly);

    /// <summary>
    /// Serilog for every Notifier host: levels from the <c>Serilog</c> section, sinks registered in DI (tests add one),
    /// the console, and <see cref="SecretRedactor"/> on every event.
    /// </summary>
    public static IServiceCollection AddNotifierSerilog(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSerilog((sp, logger) => logger
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
            .MinimumLevel.Override("System.Net.Http.HttpClient", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
            // Only levels are read from configuration (README): naming the sink assemblies skips Serilog's scan of every
            // dependency for configuration methods, which loads assemblies and costs start time (docs/decisions/0017).
            .ReadFrom.Configuration(configuration, SettingsAssemblies)
            .ReadFrom.Services(sp)
            .Enrich.FromLogContext()
            .Enrich.With<SecretRedactor>()
            .WriteTo.Console(outputTemplate: ConsoleTemplate, formatProvider: System.Globalization.CultureInfo.InvariantCulture),
            // Each host keeps its own logger: several hosts in one process (tests) must not share sinks through Log.Logger.
            preserveStaticLogger: true);
}
