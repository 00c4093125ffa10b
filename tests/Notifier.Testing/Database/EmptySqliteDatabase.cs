namespace Notifier.Testing.Database;

/// <summary>A SQLite class fixture whose file does not exist yet: for tests of the migrations themselves.</summary>
public sealed class EmptySqliteDatabase : SqliteDatabase
{
    protected override bool StartsMigrated => false;
}
