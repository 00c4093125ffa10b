using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Notifier.Core.Deliveries;

namespace Notifier.Core.Integrations;

/// <summary>The topic column of deliveries (kept apart from <c>DeliveryConfiguration</c>: it is the integrations' addition).</summary>
internal sealed class DeliveryTopicConfiguration : IEntityTypeConfiguration<Delivery>
{
    public void Configure(EntityTypeBuilder<Delivery> builder)
    {
        builder.Property(d => d.Topic).HasMaxLength(TopicNames.MaxLength);
        // The log filtered by topic, newest first.
        builder.HasIndex(d => new { d.Topic, d.Id });
    }
}
