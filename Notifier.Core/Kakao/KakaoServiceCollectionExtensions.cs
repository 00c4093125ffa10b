using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Refit;

namespace Notifier.Core.Kakao;

public static class KakaoServiceCollectionExtensions
{
    /// <summary>Registers one typed client per Kakao host. No automatic retries: the callers own those decisions.</summary>
    public static IServiceCollection AddKakaoClients(this IServiceCollection services)
    {
        services.AddOptions<KakaoOptions>()
            .BindConfiguration(KakaoOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddRefitGeneratedClient<IKakaoAuthApi>(KakaoJsonContext.Default)
            .ConfigureHttpClient((sp, http) => Configure(http, sp, o => o.AuthBaseUrl));
        services.AddRefitGeneratedClient<IKakaoApi>(KakaoJsonContext.Default)
            .ConfigureHttpClient((sp, http) => Configure(http, sp, o => o.ApiBaseUrl));

        services.AddTransient<KakaoAuthClient>();
        services.AddTransient<KakaoApiClient>();
        services.AddTransient<KakaoUserClient>();
        return services;
    }

    private static void Configure(HttpClient http, IServiceProvider services, Func<KakaoOptions, string> baseUrl)
    {
        var options = services.GetRequiredService<IOptions<KakaoOptions>>().Value;
        http.BaseAddress = new Uri(baseUrl(options));
        http.Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds);
    }
}
