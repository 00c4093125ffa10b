using Microsoft.EntityFrameworkCore;
using Notifier.Core.Data.Dialects;

namespace Notifier.Core.Data;

/// <summary>Production: MariaDB through Pomelo, shared by the Api and any number of Workers.</summary>
public sealed class MariaDbNotifierDbContext(DbContextOptions<MariaDbNotifierDbContext> options) : NotifierDbContext(options)
{
    private DatabaseDialect? _dialect;

    public override DatabaseDialect Dialect => _dialect ??= new MariaDbDialect(this);
}
