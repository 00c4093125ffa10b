using Notifier.Api.Tests.Support;

namespace Notifier.Api.Tests.Owners;

/// <summary>A bad <c>Notifier:Owners</c> or <c>Notifier:SessionDays</c> stops the Api at start, naming the setting.</summary>
public sealed class OwnerSettingsValidationTests : IDisposable
{
    private readonly OneSettingStart _start = new();

    [Theory]
    [InlineData("Notifier:SessionDays", "0", "Notifier:SessionDays must be a whole number of days from 1 to 365")]
    [InlineData("Notifier:SessionDays", "400", "Notifier:SessionDays must be a whole number of days from 1 to 365")]
    [InlineData("Notifier:Owners", "123,me@example.com", "Notifier:Owners: 'me@example.com' is not a Kakao user id")]
    [InlineData("Notifier:Owners:0", "-5", "Notifier:Owners: '-5' is not a Kakao user id")]
    [InlineData("Notifier:Owners", "*,123", "Notifier:Owners: '*' (anyone may connect) cannot be combined")]
    public void ABadSetting_StopsTheApiAtStart_WithAMessageNamingIt(string key, string value, string expected)
    {
        Assert.Contains(expected, _start.Refusal(key, value), StringComparison.Ordinal);
    }

    public void Dispose() => _start.Dispose();
}
