using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Notifier.Testing.Hosting;
using Notifier.Testing.Kakao;
using Notifier.Testing.Logging;
using Serilog.Core;

namespace Notifier.Api.Tests.Support;

/// <summary>The real Api host, pointed at a real database and the WireMock Kakao through configuration only.</summary>
public sealed class NotifierApiFactory : WebApplicationFactory<Program>
{
    public const string ApiKey = "test-api-key-0123456789-abcdefghijkl";

    /// <summary>The name the test operator key has (a list item at position 0).</summary>
    public const string ApiKeyName = "key1";

    private readonly IReadOnlyDictionary<string, string?> _settings;

    public NotifierApiFactory(IReadOnlyDictionary<string, string?> settings)
    {
        _settings = settings;
        // Clients reach Notifier where people do: at an https public URL its cookies are Secure and come back over https only.
        if (settings.GetValueOrDefault("Notifier:PublicUrl") is { } publicUrl && publicUrl.StartsWith("https://", StringComparison.Ordinal))
        {
            ClientOptions.BaseAddress = new Uri(publicUrl);
        }
    }

    public CapturedLogs Logs { get; } = new();

    /// <summary>Settings for MariaDB and the fake Kakao; <paramref name="overrides"/> wins.</summary>
    public static Dictionary<string, string?> Settings(string connectionString, KakaoFake kakao, IReadOnlyDictionary<string, string?>? overrides = null) =>
        TestHost.Settings(connectionString, kakao, new Dictionary<string, string?> { ["Api:Keys:0"] = ApiKey }, overrides);

    /// <summary>Settings for the database <paramref name="database"/> describes (see <c>ITestDatabase.Settings</c>) and the fake Kakao.</summary>
    public static Dictionary<string, string?> Settings(
        IReadOnlyDictionary<string, string?> database, KakaoFake kakao, IReadOnlyDictionary<string, string?>? overrides = null) =>
        TestHost.Settings(database, kakao, new Dictionary<string, string?> { ["Api:Keys:0"] = ApiKey }, overrides);

    /// <summary>A browser: keeps cookies, does not follow redirects (tests follow them as Kakao would).</summary>
    public HttpClient CreateBrowser() =>
        CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = ClientOptions.BaseAddress, AllowAutoRedirect = false, HandleCookies = true });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(Logs));
    }
}
