using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Notifier.Core.Accounts;

internal sealed class AccountUnlinkRequestConfiguration : IEntityTypeConfiguration<AccountUnlinkRequest>
{
    public void Configure(EntityTypeBuilder<AccountUnlinkRequest> builder)
    {
        builder.ToTable("account_unlink_requests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Reason).HasMaxLength(500);
    }
}
