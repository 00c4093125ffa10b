using Microsoft.EntityFrameworkCore;

namespace Notifier.Floor;

/// <summary>A one-table EF Core context on Pomelo: what the claim loop queries with LINQ.</summary>
internal sealed class FloorContext(DbContextOptions<FloorContext> options) : DbContext(options)
{
    public DbSet<FloorItem> Items => Set<FloorItem>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<FloorItem>(e =>
        {
            e.ToTable("floor_items");
            e.Property(i => i.DueAt).HasColumnName("due_at");
        });
}
