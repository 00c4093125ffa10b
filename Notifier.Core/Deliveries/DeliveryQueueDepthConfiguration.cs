using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Notifier.Core.Deliveries;

/// <summary>The index <see cref="QueueDepth"/> counts on: an account's waiting rows without reading its history.</summary>
internal sealed class DeliveryQueueDepthConfiguration : IEntityTypeConfiguration<Delivery>
{
    public void Configure(EntityTypeBuilder<Delivery> builder) =>
        builder.HasIndex(d => new { d.AccountId, d.Status });
}
