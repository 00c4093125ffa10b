namespace Notifier.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    MariaDb,
}
