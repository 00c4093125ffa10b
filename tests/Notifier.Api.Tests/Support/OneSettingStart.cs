using Microsoft.Data.Sqlite;
using Notifier.Testing.Kakao;

namespace Notifier.Api.Tests.Support;

/// <summary>The Api on a SQLite file of its own with one setting given: to see it start, or refuse to and say why.</summary>
public sealed class OneSettingStart : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("notifier-settings-").FullName;

    /// <summary>The settings of such an Api: its database file, a Kakao REST API key and <paramref name="key"/>.</summary>
    public Dictionary<string, string?> Settings(string key, string value) => new()
    {
        ["Database:SqliteFile"] = Path.Combine(_directory, "notifier.db"),
        ["Kakao:RestApiKey"] = KakaoFake.RestApiKey,
        [key] = value,
    };

    /// <summary>Starts the Api with <paramref name="key"/> set, asserts the start fails, and returns every message of the error inside out.</summary>
    public string Refusal(string key, string value)
    {
        // WebApplicationFactory races the refused start: when Program's RunAsync has already thrown and disposed the
        // app, the factory's own look-up of IServer throws ObjectDisposedException and the reason is lost (seen once
        // at load 55; dotnet/aspnetcore#33494). Such an attempt says nothing about the setting, so it is made again.
        for (var attempt = 1; ; attempt++)
        {
            using var factory = new NotifierApiFactory(Settings(key, value));
            var error = Assert.ThrowsAny<Exception>(() => factory.Server);
            if (error is not ObjectDisposedException || attempt == 5)
            {
                return Messages(error);
            }
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static string Messages(Exception error) => error switch
    {
        AggregateException all => string.Join(" | ", all.Flatten().InnerExceptions.Select(Messages)),
        { InnerException: { } inner } => error.Message + " | " + Messages(inner),
        _ => error.Message,
    };
}
