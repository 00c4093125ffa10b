using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Serilog;

namespace Notifier.Api.ApiKeys;

/// <summary>
/// Authenticates an API key in any form <see cref="ApiCredentials"/> reads: an operator key from <c>Api:Keys</c>
/// (compared in constant time) or an owner's key (found by its hash). Either way the principal carries an <see cref="ApiCaller"/>.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptionsMonitor<ApiOptions> api,
    IProblemDetailsService problems,
    IDiagnosticContext diagnostics) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string PolicyName = "ApiKey";

    private const string Help = "Send 'Authorization: Bearer <key>', 'Authorization: Basic base64(user:<key>)' or '?auth=base64(\"Bearer <key>\")' " +
        "with an owner key made on the /keys page or an operator key from Api:Keys.";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        ApiCaller? caller;
        switch (ApiCredentials.Read(Request))
        {
            case ApiCredentials.Presented.None:
                return AuthenticateResult.NoResult();
            case ApiCredentials.Presented.Malformed malformed:
                return AuthenticateResult.Fail(malformed.Why);
            case ApiCredentials.Presented.Key { Value: var key }:
                caller = Operator(key);
                if (caller is null && key.StartsWith(OwnerApiKeys.Prefix, StringComparison.Ordinal))
                {
                    caller = await Context.RequestServices.GetRequiredService<OwnerApiKeys>().AuthenticateAsync(key, Context.RequestAborted);
                }

                break;
            default:
                throw new InvalidOperationException("Unknown credential form.");
        }

        if (caller is null)
        {
            return AuthenticateResult.Fail("The API key is not valid (or was revoked).");
        }

        // The key's name (never the key) on the request's log line.
        diagnostics.Set("ApiKey", caller.LogName());
        return AuthenticateResult.Success(new AuthenticationTicket(caller.ToPrincipal(SchemeName), SchemeName));
    }

    /// <summary>The operator key matching <paramref name="key"/>, every one compared so timing tells nothing.</summary>
    private ApiCaller? Operator(string key)
    {
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        string? matched = null;
        foreach (var candidate in api.CurrentValue.OperatorKeys())
        {
            if (CryptographicOperations.FixedTimeEquals(presented, SHA256.HashData(Encoding.UTF8.GetBytes(candidate.Key))))
            {
                matched = candidate.Name;
            }
        }

        return matched is null ? null : new ApiCaller(matched, AccountId: null);
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer, Basic realm=\"Notifier\"";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails =
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Missing or invalid API key",
                Detail = result.Failure is { } failure ? $"{failure.Message} {Help}" : Help,
            },
        });
    }
}
