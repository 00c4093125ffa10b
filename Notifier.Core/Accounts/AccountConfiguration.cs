using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Notifier.Core.Accounts;

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> builder)
    {
        builder.ToTable("accounts");
        builder.HasKey(a => a.Id);
        builder.HasIndex(a => a.KakaoUserId).IsUnique();
        builder.Property(a => a.Nickname).HasMaxLength(200);
        builder.Property(a => a.AccessTokenCipher).HasMaxLength(4000);
        builder.Property(a => a.RefreshTokenCipher).HasMaxLength(4000);
        builder.Property(a => a.Scopes).HasMaxLength(1000);
        builder.Property(a => a.Status)
            .HasMaxLength(32)
            .HasConversion(s => s.ToName(), s => AccountStatusNames.Parse(s));
    }
}
