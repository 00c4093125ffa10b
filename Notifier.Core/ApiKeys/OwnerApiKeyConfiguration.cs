using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Notifier.Core.Accounts;

namespace Notifier.Core.ApiKeys;

internal sealed class OwnerApiKeyConfiguration : IEntityTypeConfiguration<OwnerApiKey>
{
    public const int NameLength = 50;

    public void Configure(EntityTypeBuilder<OwnerApiKey> builder)
    {
        builder.ToTable("api_keys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Name).HasMaxLength(NameLength);
        builder.Property(k => k.Hash).HasMaxLength(64);
        builder.Property(k => k.Hint).HasMaxLength(16);
        // A request's key is found by its hash; an account's keys by account.
        builder.HasIndex(k => k.Hash).IsUnique();
        builder.HasIndex(k => new { k.AccountId, k.Name }).IsUnique();
        builder.HasOne<Account>().WithMany().HasForeignKey(k => k.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
