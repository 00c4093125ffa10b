using System.ComponentModel.DataAnnotations;

namespace Notifier.Core.Data;

/// <summary>Which database Notifier uses (section <c>Database</c>; the connection string is <c>ConnectionStrings:Notifier</c>).</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";
    public const string ConnectionStringName = "Notifier";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>The SQLite file when no connection string is set, relative to the content root.</summary>
    [Required]
    public string SqliteFile { get; set; } = "notifier.db";

    /// <summary>The MariaDB server version Pomelo generates SQL for (no connection is opened to detect it).</summary>
    [Required]
    public string ServerVersion { get; set; } = "10.11.0-mariadb";

    /// <summary>Whether this process applies pending migrations at start (the one owner); otherwise it waits for them.</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>How long a process that does not migrate waits for the schema before giving up.</summary>
    [Range(1, 3600)]
    public int SchemaWaitSeconds { get; set; } = 120;
}
