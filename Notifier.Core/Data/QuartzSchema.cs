using Microsoft.EntityFrameworkCore.Migrations;

namespace Notifier.Core.Data;

/// <summary>
/// Quartz's clustered job store schema for MariaDB, created by Notifier's migration step (an EF Core migration) rather
/// than by whichever Worker starts first. The script is the one Quartz ships inside its assembly for its own
/// <c>CreateIfMissing</c> provisioning: every statement creates only what is missing.
/// </summary>
internal static class QuartzSchema
{
    public const string TablePrefix = "QRTZ_";
    private const string Resource = "Quartz.Impl.AdoJobStore.Schema.create_mysql_innodb.sql";

    public static IEnumerable<string> CreateStatements()
    {
        using var stream = typeof(Quartz.IScheduler).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"Quartz's assembly no longer carries {Resource}.");
        using var reader = new StreamReader(stream);
        var script = reader.ReadToEnd().Replace("{0}", TablePrefix, StringComparison.Ordinal).Replace("{1}", TablePrefix, StringComparison.Ordinal);
        return script.Split("\n--;;", StringSplitOptions.TrimEntries)
            .Select(s => string.Join('\n', s.Split('\n').Where(line => !line.TrimStart().StartsWith("--", StringComparison.Ordinal))).Trim())
            .Where(s => s.Length > 0)
            .ToList();
    }

    public static void Create(MigrationBuilder migrationBuilder)
    {
        foreach (var statement in CreateStatements())
        {
            migrationBuilder.Sql(statement);
        }
    }

    public static void Drop(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql($"DROP TABLE IF EXISTS {string.Join(", ", CreateStatements().Select(TableOf).Where(t => t is not null).Reverse())}");

    private static string? TableOf(string statement)
    {
        const string marker = "CREATE TABLE IF NOT EXISTS ";
        var start = statement.IndexOf(marker, StringComparison.Ordinal);
        return start < 0 ? null : statement[(start + marker.Length)..].Split([' ', '(', '\n'], 2)[0];
    }
}
