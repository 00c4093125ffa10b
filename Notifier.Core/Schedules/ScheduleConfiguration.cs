using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Notifier.Core.Accounts;

namespace Notifier.Core.Schedules;

internal sealed class ScheduleConfiguration : IEntityTypeConfiguration<Schedule>
{
    public void Configure(EntityTypeBuilder<Schedule> builder)
    {
        builder.ToTable("schedules");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Name).HasMaxLength(CronSchedule.MaxNameLength);
        builder.Property(s => s.Cron).HasMaxLength(120);
        builder.Property(s => s.TimeZone).HasMaxLength(IanaTimeZones.MaxIdLength);
        builder.HasOne<Account>().WithMany().HasForeignKey(s => s.AccountId).OnDelete(DeleteBehavior.Cascade);
        // The materializer's query: enabled schedules whose next fire is near.
        builder.HasIndex(s => new { s.Enabled, s.NextFireTime });
    }
}
