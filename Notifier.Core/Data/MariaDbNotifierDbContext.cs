using Microsoft.EntityFrameworkCore;

namespace Notifier.Core.Data;

/// <summary>Production: MariaDB through Pomelo, shared by the Api and any number of Workers.</summary>
public sealed class MariaDbNotifierDbContext(DbContextOptions<MariaDbNotifierDbContext> options) : NotifierDbContext(options);
