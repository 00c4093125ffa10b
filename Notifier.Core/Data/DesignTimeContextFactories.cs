using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Notifier.Core.Data;

// Used only by `dotnet ef migrations add`: no connection is opened, so the server version is given explicitly.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteNotifierDbContext>
{
    public SqliteNotifierDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteNotifierDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

internal sealed class MariaDbDesignTimeFactory : IDesignTimeDbContextFactory<MariaDbNotifierDbContext>
{
    public MariaDbNotifierDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<MariaDbNotifierDbContext>()
            .UseMySql("Server=localhost;Database=notifier", ServerVersion.Parse(new DatabaseOptions().ServerVersion))
            .Options);
}
