using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Notifier.Core.Accounts;

namespace Notifier.Core.Owners;

internal sealed class InviteConfiguration : IEntityTypeConfiguration<Invite>
{
    public void Configure(EntityTypeBuilder<Invite> builder)
    {
        builder.ToTable("invites");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.TokenHash).HasMaxLength(64);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        // An owner's pending invites, newest first.
        builder.HasIndex(i => new { i.CreatedByAccountId, i.CreatedAt });
        builder.HasOne<Account>().WithMany().HasForeignKey(i => i.CreatedByAccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
