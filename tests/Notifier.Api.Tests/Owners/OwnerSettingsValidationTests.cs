using Microsoft.Data.Sqlite;
using Notifier.Api.Tests.Support;
using Notifier.Testing.Kakao;

namespace Notifier.Api.Tests.Owners;

/// <summary>A bad <c>Notifier:Owners</c> or <c>Notifier:SessionDays</c> stops the Api at start, naming the setting.</summary>
public sealed class OwnerSettingsValidationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("notifier-owner-settings-").FullName;

    [Theory]
    [InlineData("Notifier:SessionDays", "0", "Notifier:SessionDays must be a whole number of days from 1 to 365")]
    [InlineData("Notifier:SessionDays", "400", "Notifier:SessionDays must be a whole number of days from 1 to 365")]
    [InlineData("Notifier:Owners", "123,me@example.com", "Notifier:Owners: 'me@example.com' is not a Kakao user id")]
    [InlineData("Notifier:Owners:0", "-5", "Notifier:Owners: '-5' is not a Kakao user id")]
    [InlineData("Notifier:Owners", "*,123", "Notifier:Owners: '*' (anyone may connect) cannot be combined")]
    public void ABadSetting_StopsTheApiAtStart_WithAMessageNamingIt(string key, string value, string expected)
    {
        using var factory = new NotifierApiFactory(new Dictionary<string, string?>
        {
            ["Database:SqliteFile"] = Path.Combine(_directory, "notifier.db"),
            ["Kakao:RestApiKey"] = KakaoFake.RestApiKey,
            [key] = value,
        });

        var error = Assert.ThrowsAny<Exception>(() => factory.Server);

        Assert.Contains(expected, Messages(error), StringComparison.Ordinal);
    }

    private static string Messages(Exception error) => error switch
    {
        AggregateException all => string.Join(" | ", all.Flatten().InnerExceptions.Select(Messages)),
        { InnerException: { } inner } => error.Message + " | " + Messages(inner),
        _ => error.Message,
    };

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
