using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Notifier.Core.Accounts;
using Notifier.Testing.Hosting;

namespace Notifier.Core.Tests.Accounts;

/// <summary>The token upkeep's cron and zone are checked when a host starts, not on the night the job would run.</summary>
public sealed class TokenOptionsTests
{
    [Theory]
    [InlineData("Tokens:UpkeepCron", "every night at four", "Tokens:UpkeepCron")]
    [InlineData("Tokens:UpkeepTimeZone", "Mars/Olympus_Mons", "Tokens:UpkeepTimeZone")]
    [InlineData("Tokens:RefreshAheadMinutes", "500", "RefreshAheadMinutes")]
    public async Task ABadTokenSetting_StopsTheHostAtStart_NamingIt(string key, string value, string named)
    {
        var directory = Directory.CreateTempSubdirectory("notifier-tokens-");
        var builder = TestHost.CreateBuilder(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:SqliteFile"] = Path.Combine(directory.FullName, "notifier.db"),
            ["Kakao:RestApiKey"] = "key",
            [key] = value,
        });
        builder.AddNotifierCore();
        using var host = builder.Build();

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(named, refused.Message, StringComparison.Ordinal);
        directory.Delete(recursive: true);
    }

    [Fact]
    public void TheDefaults_AreValid_AndRefreshInKakaosLastMonth()
    {
        var defaults = new TokenOptions();

        Assert.Empty(defaults.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(defaults)));
        Assert.InRange(defaults.UpkeepRefreshBelowDays, 31, 59);
    }
}
