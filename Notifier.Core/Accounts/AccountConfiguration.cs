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
        // The upkeep claim: active accounts by refresh-token expiry, so each claim reads a few rows, not the table.
        builder.HasIndex(a => new { a.Status, a.RefreshTokenExpiresAt });
        builder.Property(a => a.Nickname).HasMaxLength(200);
        builder.Property(a => a.AccessTokenCipher).HasMaxLength(4000);
        builder.Property(a => a.RefreshTokenCipher).HasMaxLength(4000);
        builder.Property(a => a.Scopes).HasMaxLength(1000);
        builder.Property(a => a.StatusReason).HasMaxLength(500);
        builder.Property(a => a.TimeZone).HasMaxLength(IanaTimeZones.MaxIdLength);
        builder.Property(a => a.Status)
            .HasMaxLength(32)
            .HasConversion(s => s.ToName(), s => AccountStatusNames.Parse(s));
    }
}
