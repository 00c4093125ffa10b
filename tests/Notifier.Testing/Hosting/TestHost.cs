using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Notifier.Testing.Database;
using Notifier.Testing.Kakao;

namespace Notifier.Testing.Hosting;

/// <summary>The settings and the host builder every in-process Notifier test host starts from.</summary>
public static class TestHost
{
    /// <summary>
    /// The key-encryption key every test host gets (<c>DataProtection:KeyEncryptionKey</c>): MariaDB outside
    /// Development needs one, and so the tests run the key ring encrypted, as a deployment does.
    /// </summary>
    public const string KeyEncryptionKey = "ZWZnaGlqa2xtbm9wcXJzdHV2d3h5ent8fX5/gIGCg4Q=";

    /// <summary>
    /// Settings for Notifier on the MariaDB database <paramref name="connectionString"/>; see the overload taking a
    /// <see cref="ITestDatabase"/>'s settings.
    /// </summary>
    public static Dictionary<string, string?> Settings(
        string connectionString, KakaoFake? kakao = null, params IReadOnlyDictionary<string, string?>?[] overrides) =>
        Settings(MariaDbDatabase.SettingsFor(connectionString), kakao, overrides);

    /// <summary>
    /// Settings for Notifier on the database <paramref name="database"/> describes (<see cref="ITestDatabase.Settings"/>),
    /// applying the migrations on start, letting anyone connect (<c>Notifier:Owners=*</c>), with Kakao at <paramref name="kakao"/> (or just a placeholder REST API key where
    /// a test reaches no Kakao). Each of <paramref name="overrides"/> wins over the ones before it.
    /// </summary>
    public static Dictionary<string, string?> Settings(
        IReadOnlyDictionary<string, string?> database, KakaoFake? kakao = null, params IReadOnlyDictionary<string, string?>?[] overrides)
    {
        var settings = new Dictionary<string, string?>(database)
        {
            ["Database:MigrateOnStart"] = "true",
            ["Kakao:RestApiKey"] = "key",
            // Most tests connect several people to one host; the owner tests set "" (the product's default) or a list.
            ["Notifier:Owners"] = "*",
            ["DataProtection:KeyEncryptionKey"] = KeyEncryptionKey,
        };
        if (kakao is not null)
        {
            settings["Kakao:AuthBaseUrl"] = kakao.Url;
            settings["Kakao:ApiBaseUrl"] = kakao.Url;
            settings["Kakao:RestApiKey"] = KakaoFake.RestApiKey;
            settings["Kakao:ClientSecret"] = KakaoFake.ClientSecret;
            // The fake answers in milliseconds, but on a loaded machine (the suite's parallel classes, stress-ng) its
            // answer can be seconds late; the product's 10 s would turn that into a spurious outage. Tests about
            // Kakao's timeouts set their own.
            settings["Kakao:TimeoutSeconds"] = "30";
        }

        foreach (var layer in overrides)
        {
            foreach (var (key, value) in layer ?? new Dictionary<string, string?>())
            {
                settings[key] = value;
            }
        }

        return settings;
    }

    /// <summary>
    /// A host builder in the Testing environment reading <paramref name="settings"/>, and <paramref name="clock"/> as
    /// its <see cref="TimeProvider"/> when one is given. The caller adds Notifier's services and builds it.
    /// </summary>
    public static HostApplicationBuilder CreateBuilder(IReadOnlyDictionary<string, string?> settings, TimeProvider? clock = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(settings);
        if (clock is not null)
        {
            builder.Services.AddSingleton(clock);
        }

        return builder;
    }
}
