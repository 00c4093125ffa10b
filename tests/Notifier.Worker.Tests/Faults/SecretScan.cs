using System.Text;
using MySqlConnector;

namespace Notifier.Worker.Tests.Faults;

/// <summary>Looks for the fake Kakao's tokens in plain text: every text column of every table, and the logs.</summary>
public static class SecretScan
{
    public static async Task<string> DatabaseTextAsync(string connectionString)
    {
        var text = new StringBuilder();
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new MySqlCommand("SHOW TABLES", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var table in tables)
        {
            await using var select = new MySqlCommand($"SELECT * FROM `{table}`", connection);
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.GetValue(i);
                    text.Append(value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : value.ToString()).Append('\n');
                }
            }
        }

        return text.ToString();
    }

    public static void AssertNowhere(IEnumerable<string> secrets, string database, string logs)
    {
        var issued = secrets.ToList();
        Assert.NotEmpty(issued);
        Assert.DoesNotContain(issued, s => database.Contains(s, StringComparison.Ordinal));
        Assert.DoesNotContain(issued, s => logs.Contains(s, StringComparison.Ordinal));
    }
}
