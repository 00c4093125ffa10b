using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Notifier.Core.Deliveries;

namespace Notifier.Core.Schedules;

internal sealed class ScheduleCreationKeyConfiguration : IEntityTypeConfiguration<ScheduleCreationKey>
{
    public void Configure(EntityTypeBuilder<ScheduleCreationKey> builder)
    {
        builder.ToTable("schedule_creation_keys");
        builder.HasKey(k => new { k.Scope, k.Key });
        builder.Property(k => k.Scope).HasMaxLength(IdempotencyRecordConfiguration.ScopeLength);
        builder.Property(k => k.Key).HasMaxLength(200);
        builder.Property(k => k.RequestHash).HasMaxLength(64);
        // A deleted schedule takes its key along: the same key then creates a new one.
        builder.HasOne<Schedule>().WithMany().HasForeignKey(k => k.ScheduleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(k => k.CreatedAt);
    }
}
