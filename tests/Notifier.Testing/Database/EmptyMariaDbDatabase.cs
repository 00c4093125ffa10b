namespace Notifier.Testing.Database;

/// <summary>A MariaDB class fixture that starts with no tables: for tests of the migrations themselves.</summary>
public sealed class EmptyMariaDbDatabase : MariaDbDatabase
{
    protected override bool StartsMigrated => false;
}
