using Microsoft.EntityFrameworkCore;
using Notifier.Core.Data.Dialects;

namespace Notifier.Core.Data;

/// <summary>The embedded default: one SQLite file, one process.</summary>
public sealed class SqliteNotifierDbContext(DbContextOptions<SqliteNotifierDbContext> options) : NotifierDbContext(options)
{
    private DatabaseDialect? _dialect;

    public override DatabaseDialect Dialect => _dialect ??= new SqliteDialect(this);
}
