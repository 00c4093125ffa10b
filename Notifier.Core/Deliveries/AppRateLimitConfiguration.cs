using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Notifier.Core.Deliveries;

internal sealed class AppRateLimitConfiguration : IEntityTypeConfiguration<AppRateLimit>
{
    public void Configure(EntityTypeBuilder<AppRateLimit> builder)
    {
        builder.ToTable("app_rate_limits");
        builder.HasKey(l => l.Name);
        builder.Property(l => l.Name).HasMaxLength(32);
        // Seeded, so recording a wait is always an update of an existing row (no insert race between dispatchers).
        var never = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        builder.HasData(new AppRateLimit { Name = AppRateLimit.Kakao, Streak = 0, LimitedAt = never, Until = never });
    }
}
