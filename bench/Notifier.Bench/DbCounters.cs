using MySqlConnector;

namespace Notifier.Bench;

/// <summary>The server's own statement counters (<c>SHOW GLOBAL STATUS</c>): <c>Questions</c> and every <c>Com_*</c>.</summary>
internal sealed record DbCounters(IReadOnlyDictionary<string, long> Values)
{
    public static async Task<DbCounters> ReadAsync(string connectionString)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand("SHOW GLOBAL STATUS WHERE Variable_name = 'Questions' OR Variable_name LIKE 'Com\\_%'", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new Dictionary<string, long>();
        while (await reader.ReadAsync())
        {
            if (long.TryParse(reader.GetString(1), System.Globalization.CultureInfo.InvariantCulture, out var v))
            {
                values[reader.GetString(0)] = v;
            }
        }

        return new DbCounters(values);
    }

    /// <summary>The change since <paramref name="before"/>, without zeros.</summary>
    public IReadOnlyDictionary<string, long> Since(DbCounters before) =>
        Values.Select(p => (p.Key, Delta: p.Value - before.Values.GetValueOrDefault(p.Key)))
            .Where(p => p.Delta != 0).ToDictionary(p => p.Key, p => p.Delta);
}
