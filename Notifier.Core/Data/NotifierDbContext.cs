using Microsoft.EntityFrameworkCore;
using Notifier.Core.Accounts;
using Notifier.Core.Data.Dialects;
using Notifier.Core.Deliveries;

namespace Notifier.Core.Data;

/// <summary>
/// Notifier's database. Each provider has a subclass with its own migrations
/// (<see cref="SqliteNotifierDbContext"/>, <see cref="MariaDbNotifierDbContext"/>); services ask for this type.
/// </summary>
public abstract class NotifierDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Account> Accounts => Set<Account>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Delivery> Deliveries => Set<Delivery>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<DailyUsage> DailyUsage => Set<DailyUsage>();

    public DbSet<Schedules.Schedule> Schedules => Set<Schedules.Schedule>();

    public DbSet<Schedules.ScheduleCreationKey> ScheduleCreationKeys => Set<Schedules.ScheduleCreationKey>();

    public DbSet<AccountUnlinkRequest> AccountUnlinkRequests => Set<AccountUnlinkRequest>();

    public DbSet<Owners.Invite> Invites => Set<Owners.Invite>();
    public DbSet<Integrations.MessagePageRecord> MessagePages => Set<Integrations.MessagePageRecord>();

    public DbSet<Integrations.LinkRedirect> LinkRedirects => Set<Integrations.LinkRedirect>();

    public DbSet<Integrations.TopicRoute> Topics => Set<Integrations.TopicRoute>();

    public DbSet<ApiKeys.OwnerApiKey> ApiKeys => Set<ApiKeys.OwnerApiKey>();

    /// <summary>This provider's SQL for locks, claims and upserts.</summary>
    public abstract DatabaseDialect Dialect { get; }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(NotifierDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
}
