using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using Notifier.Api.ApiKeys;
using Notifier.Api.Auth;
using Notifier.Api.Health;
using Notifier.Api.Hosting;
using Notifier.Api.OpenApi;
using Notifier.Core.Accounts;
using Notifier.Core.Data;

namespace Notifier.Api;

internal static class ApiServiceCollectionExtensions
{
    /// <summary>The Api host's own services: pages, problem details, owner cookie and API-key authentication, health.</summary>
    public static WebApplicationBuilder AddNotifierApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiOptions>, ApiOptionsValidation>();
        services.AddScoped<OwnerApiKeys>();
        services.AddScoped<ManualRefreshCooldown>();
        services.AddApiRateLimit();
        services.AddRequestDeadline();
        services.AddScoped<Accounts.AccountViews>();
        services.AddScoped<Integrations.IntegrationRouting>();
        services.AddScoped<Integrations.IntegrationPublisher>();
        services.AddSingleton<Integrations.ReservedTopics>();
        services.AddHostedService<UnlinkApplier>();
        services.AddRazorComponents();
        // Korean nicknames and card text render as text, not as character references.
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        // Before the default writer: ntfy's /v1 routes answer problems in ntfy's error JSON.
        services.AddSingleton<IProblemDetailsWriter, Integrations.Ntfy.NtfyErrorWriter>();
        services.AddProblemDetails();
        services.AddNotifierOpenApi();
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = "notifier_owner";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                // ExpireTimeSpan is Notifier:SessionDays (below); sliding renewals never outlive it (OwnerSessions).
                o.SlidingExpiration = true;
                o.LoginPath = "/";
                o.Events.OnValidatePrincipal = OwnerSessions.ValidateAsync;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddOptions<OwnerSessionOptions>().BindConfiguration(OwnerSessionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<OwnerSessionOptions>>((o, sessions) => o.ExpireTimeSpan = sessions.Value.Lifetime);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiKeyAuthenticationHandler.PolicyName, p => p
                .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser());
        services.AddHealthChecks().AddCheck<DatabaseAnswers>("database", tags: [HealthEndpoints.ReadyTag], timeout: DatabasePing.Timeout);
        builder.AddReverseProxySupport();
        return builder;
    }
}
