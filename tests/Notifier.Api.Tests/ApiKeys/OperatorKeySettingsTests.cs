using Notifier.Api.ApiKeys;
using Notifier.Api.Tests.Support;

namespace Notifier.Api.Tests.ApiKeys;

/// <summary>Operator keys in <c>Api:Keys</c>: named or a list, and none the Api would accept if anyone could guess it.</summary>
public sealed class OperatorKeySettingsTests : IDisposable
{
    private const string ShortKey = "only-31-characters-long-xxxxxxx";
    private readonly OneSettingStart _start = new();

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
    public void ABadSetting_StopsTheApiAtStart_NamingIt_NeverShowingTheKey(string key, string value, string expected)
    {
        var messages = _start.Refusal(key, value);
        Assert.Contains(expected, messages, StringComparison.Ordinal);
        Assert.DoesNotContain(value.Length > 8 ? value : "\u0000", messages, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 100, "Api:RateLimit:PermitsPerSecond must be above 0")]
    [InlineData(-1, 100, "Api:RateLimit:PermitsPerSecond must be above 0")]
    [InlineData(50, 0, "Api:RateLimit:Burst must be at least 1")]
    public void ARateLimitThatLetsNothingThrough_IsRefused(double permitsPerSecond, int burst, string expected)
    {
        var options = new ApiOptions { RateLimit = new ApiRateLimitOptions { PermitsPerSecond = permitsPerSecond, Burst = burst } };

        var result = new ApiOptionsValidation().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANamedKeyOf32Characters_Starts_AndIsAccepted()
    {
        var key = new string('k', ApiOptions.MinimumKeyLength);
        await using var factory = new NotifierApiFactory(_start.Settings("Api:Keys:deploy", key));
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", key);

        using var response = await client.GetAsync(new Uri("/api/accounts", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    public void Dispose() => _start.Dispose();
}
