using Notifier.Core.Data;
using Xunit;

namespace Notifier.Testing.Database;

/// <summary>
/// A class fixture: a database of its own for one test class, on one provider, removed afterwards. A test class that
/// runs on both providers is generic over it (<c>RetryTests&lt;TDatabase&gt; : IClassFixture&lt;TDatabase&gt;</c>)
/// and closed once per provider (<see cref="MariaDbDatabase"/>, <see cref="SqliteDatabase"/>).
/// </summary>
public interface ITestDatabase : IAsyncLifetime
{
    DatabaseProvider Provider { get; }

    /// <summary>The settings a host needs for this database: <c>Database:Provider</c> and its connection string or SQLite file.</summary>
    IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>Runs one statement and returns the first column of its first row (or null).</summary>
    Task<object?> ScalarAsync(string sql, params (string Name, object? Value)[] parameters);
}
