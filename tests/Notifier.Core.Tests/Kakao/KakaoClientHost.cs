using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Notifier.Core.Kakao;

namespace Notifier.Core.Tests.Kakao;

/// <summary>The Kakao clients as the hosts register them, pointed at a given base URL.</summary>
internal static class KakaoClientHost
{
    public static ServiceProvider Create(string baseUrl, string? clientSecret = "the-secret", int timeoutSeconds = 10)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kakao:AuthBaseUrl"] = baseUrl,
            ["Kakao:ApiBaseUrl"] = baseUrl,
            ["Kakao:RestApiKey"] = "the-rest-api-key",
            ["Kakao:ClientSecret"] = clientSecret,
            ["Kakao:TimeoutSeconds"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddKakaoClients()
            .BuildServiceProvider();
    }
}
