using Microsoft.EntityFrameworkCore;

namespace Notifier.Core.Data;

/// <summary>The embedded default: one SQLite file, one process.</summary>
public sealed class SqliteNotifierDbContext(DbContextOptions<SqliteNotifierDbContext> options) : NotifierDbContext(options);
