namespace Notifier.Core.Data;

/// <summary>
/// Every migration as one SQL script, for a new SQLite database (<c>Migrations/Sqlite/NewDatabase.sql</c>, what
/// <c>dotnet ef migrations script</c> makes of them; <c>scripts/compiled-models.sh</c> regenerates it and
/// <c>NewDatabaseScriptTests</c> refuses a stale one). EF's Migrate generates the same SQL at run time from each
/// migration's target model, which costs the newcomer's first start about 0.7 s (docs/decisions/0017).
/// </summary>
internal static class NewDatabaseScript
{
    public const string SqliteResource = "Notifier.Core.Data.Migrations.Sqlite.NewDatabase.sql";

    private static readonly Lazy<string> SqliteScript = new(() => Read(SqliteResource));

    public static string Sqlite => SqliteScript.Value;

    private static string Read(string resource)
    {
        using var stream = typeof(NewDatabaseScript).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"{resource} is not embedded in Notifier.Core.");
        using var reader = new StreamReader(stream); // drops the BOM the tool writes
        return reader.ReadToEnd();
    }
}
