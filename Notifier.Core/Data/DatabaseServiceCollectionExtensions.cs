using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Notifier.Core.Data.Dialects;

namespace Notifier.Core.Data;

public static class DatabaseServiceCollectionExtensions
{
    /// <summary>Registers <see cref="NotifierDbContext"/> for the configured provider and the migration step.</summary>
    public static IServiceCollection AddNotifierDatabase(this IServiceCollection services, IConfiguration configuration, string contentRootPath)
    {
        services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var options = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                connectionString = string.IsNullOrWhiteSpace(connectionString)
                    ? $"Data Source={Path.Combine(contentRootPath, options.SqliteFile)};Default Timeout=30"
                    : connectionString;
                services.AddDbContext<NotifierDbContext, SqliteNotifierDbContext>(o => o
                    .UseSqlite(connectionString)
                    .UseModel(CompiledModels.Sqlite.SqliteNotifierDbContextModel.Instance)
                    .ConfigureWarnings(NoModelDiffOnMigrate)
                    .AddInterceptors(new SqliteBusyTimeout(TimeSpan.FromSeconds(30))));
                break;
            case DatabaseProvider.MariaDb:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new OptionsValidationException(DatabaseOptions.SectionName, typeof(DatabaseOptions),
                        [$"ConnectionStrings:{DatabaseOptions.ConnectionStringName} must be set when {DatabaseOptions.SectionName}:Provider is MariaDb."]);
                }

                var serverVersion = ServerVersion.Parse(options.ServerVersion);
                services.AddDbContext<NotifierDbContext, MariaDbNotifierDbContext>(o =>
                    o.UseMySql(connectionString, serverVersion, mysql => mysql.EnableRetryOnFailure(MaxRetries, MaxRetryDelay, AlsoTransient))
                        .UseModel(CompiledModels.MariaDb.MariaDbNotifierDbContextModel.Instance)
                        .ConfigureWarnings(NoModelDiffOnMigrate));
                break;
            default:
                throw new OptionsValidationException(DatabaseOptions.SectionName, typeof(DatabaseOptions),
                    [$"{DatabaseOptions.SectionName}:Provider must be Sqlite or MariaDb."]);
        }

        services.AddHostedService<DatabaseMigrationService>();
        return services;
    }

    // Pomelo's defaults, which this overload must be given.
    private const int MaxRetries = 6;
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A lost deadlock is transient for every operation: MySqlConnector counts 1213 as transient already, but not 1467,
    /// which MariaDB reports when the statement rolled back was waiting for a table's AUTO-INC lock (two
    /// <c>INSERT … SELECT</c> into one table, ADR 0016).
    /// </summary>
    private static readonly int[] AlsoTransient = MariaDbDeadlockRetry.LostDeadlock;

    // Migrate would otherwise build the whole model from OnModelCreating and the latest snapshot's, and diff them, to
    // refuse a model change without its migration; MigrationTests and CompiledModelTests refuse that before a build
    // ships, so the start does not repeat it (docs/decisions/0017, addendum).
    private static void NoModelDiffOnMigrate(WarningsConfigurationBuilder warnings) =>
        warnings.Ignore(RelationalEventId.PendingModelChangesWarning);
}
