using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Notifier.Core.Deliveries;

namespace Notifier.Core.Integrations;

internal sealed class MessagePageRecordConfiguration : IEntityTypeConfiguration<MessagePageRecord>
{
    public void Configure(EntityTypeBuilder<MessagePageRecord> builder)
    {
        builder.ToTable("message_pages");
        builder.HasKey(p => p.Token);
        builder.Property(p => p.Token).HasMaxLength(64);
        builder.Property(p => p.Topic).HasMaxLength(TopicNames.MaxLength);
        builder.Property(p => p.RequestedBy).HasMaxLength(32);
        builder.Property(p => p.Title).HasMaxLength(1000);
        builder.Property(p => p.Tags).HasMaxLength(1000);
        builder.HasOne<Delivery>().WithMany().HasForeignKey(p => p.DeliveryId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LinkRedirectConfiguration : IEntityTypeConfiguration<LinkRedirect>
{
    public void Configure(EntityTypeBuilder<LinkRedirect> builder)
    {
        builder.ToTable("link_redirects");
        builder.HasKey(r => r.Token);
        builder.Property(r => r.Token).HasMaxLength(64);
        builder.Property(r => r.Url).HasMaxLength(4000);
        builder.HasOne<Delivery>().WithMany().HasForeignKey(r => r.DeliveryId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TopicRouteConfiguration : IEntityTypeConfiguration<TopicRoute>
{
    public void Configure(EntityTypeBuilder<TopicRoute> builder)
    {
        builder.ToTable("topics");
        builder.HasKey(t => t.Name);
        builder.Property(t => t.Name).HasMaxLength(TopicNames.MaxLength);
        builder.Property(t => t.GitHubSecretCipher).HasMaxLength(2000);
        builder.HasOne<Accounts.Account>().WithMany().HasForeignKey(t => t.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => t.AccountId);
    }
}
