using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Notifier.Core.Accounts;

namespace Notifier.Core.Deliveries;

internal sealed class DeliveryConfiguration : IEntityTypeConfiguration<Delivery>
{
    public void Configure(EntityTypeBuilder<Delivery> builder)
    {
        builder.ToTable("deliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Status)
            .HasMaxLength(16)
            .HasConversion(s => s.ToName(), s => DeliveryStatusNames.Parse(s));
        builder.Property(d => d.LastError).HasMaxLength(500);
        builder.Property(d => d.LeaseOwner).HasMaxLength(100);
        builder.Property(d => d.RequestedBy).HasMaxLength(100);
        builder.HasOne<Account>().WithMany().HasForeignKey(d => d.AccountId).OnDelete(DeleteBehavior.Cascade);
        // The claim query: due rows by status and time.
        builder.HasIndex(d => new { d.Status, d.DueAt });
        builder.HasIndex(d => new { d.AccountId, d.Id });
        builder.HasIndex(d => new { d.ScheduleId, d.FireTime }).IsUnique();
    }
}
