using Microsoft.Data.Sqlite;
using Notifier.Api.ApiKeys;
using Notifier.Api.Tests.Support;
using Notifier.Testing.Kakao;

namespace Notifier.Api.Tests.ApiKeys;

/// <summary>Operator keys in <c>Api:Keys</c>: named or a list, and none the Api would accept if anyone could guess it.</summary>
public sealed class OperatorKeySettingsTests : IDisposable
{
    private const string ShortKey = "only-31-characters-long-xxxxxxx";
    private readonly string _directory = Directory.CreateTempSubdirectory("notifier-operator-keys-").FullName;

    [Fact]
    public void AListAndNames_NameEachKey_ListItemsByPosition_AndEmptyValuesAreNoKey()
    {
        var options = new ApiOptions { Keys = new() { ["0"] = "a", ["1"] = "b", ["deploy"] = "c", ["2"] = "" } };

        Assert.Equal(["deploy", "key1", "key2"], options.OperatorKeys().Select(k => k.Name));
        Assert.Equal(["c", "a", "b"], options.OperatorKeys().Select(k => k.Key));
    }

    [Theory]
    [InlineData("Api:Keys:ci", ShortKey, "Api:Keys:ci (named 'ci') is 31 characters long")]
    [InlineData("Api:Keys:0", ShortKey, "Api:Keys:0 (named 'key1') is 31 characters long")]
    [InlineData("Api:Keys:ci", "with a space in it, and long enough to pass", "Api:Keys:ci contains whitespace")]
    [InlineData("Api:RateLimit:PermitsPerSecond", "0", "Api:RateLimit:PermitsPerSecond must be above 0")]
    [InlineData("Api:RateLimit:Burst", "0", "Api:RateLimit:Burst must be at least 1")]
    public void ABadSetting_StopsTheApiAtStart_NamingIt_NeverShowingTheKey(string key, string value, string expected)
    {
        using var factory = new NotifierApiFactory(Settings(key, value));

        var error = Assert.ThrowsAny<Exception>(() => factory.Server);

        var messages = Messages(error);
        Assert.Contains(expected, messages, StringComparison.Ordinal);
        Assert.DoesNotContain(value.Length > 8 ? value : "\u0000", messages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANamedKeyOf32Characters_Starts_AndIsAccepted()
    {
        var key = new string('k', ApiOptions.MinimumKeyLength);
        await using var factory = new NotifierApiFactory(Settings("Api:Keys:deploy", key));
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", key);

        using var response = await client.GetAsync(new Uri("/api/accounts", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    private Dictionary<string, string?> Settings(string key, string value) => new()
    {
        ["Database:SqliteFile"] = Path.Combine(_directory, "notifier.db"),
        ["Kakao:RestApiKey"] = KakaoFake.RestApiKey,
        [key] = value,
    };

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
