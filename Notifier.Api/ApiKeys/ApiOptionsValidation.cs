using Microsoft.Extensions.Options;

namespace Notifier.Api.ApiKeys;

/// <summary>Refuses to start with an operator key anyone could guess, or a rate limit that lets nothing through.</summary>
internal sealed class ApiOptionsValidation : IValidateOptions<ApiOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiOptions options)
    {
        var failures = new List<string>();
        foreach (var (configured, key) in options.Keys.Where(k => !string.IsNullOrEmpty(k.Value)))
        {
            // Name the setting, never the key.
            if (key.Length < ApiOptions.MinimumKeyLength)
            {
                failures.Add($"Api:Keys:{configured} (named '{ApiOptions.NameOf(configured)}') is {key.Length} characters long; an operator key must have at least {ApiOptions.MinimumKeyLength} (make one with: openssl rand -hex 24).");
            }
            else if (ApiOptions.NameOf(configured).Length > ApiOptions.MaxNameLength)
            {
                failures.Add($"Api:Keys:{configured}: a key's name may have at most {ApiOptions.MaxNameLength} characters.");
            }
            else if (key.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            {
                failures.Add($"Api:Keys:{configured} contains whitespace or control characters; an operator key cannot be sent in a header that way.");
            }
        }

        var names = options.Keys.Keys.GroupBy(ApiOptions.NameOf, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key);
        failures.AddRange(names.Select(n => $"Api:Keys names '{n}' twice (a list item at position N is named keyN+1)."));

        if (!(options.RateLimit.PermitsPerSecond > 0 && options.RateLimit.PermitsPerSecond <= 1_000_000))
        {
            failures.Add("Api:RateLimit:PermitsPerSecond must be above 0 (requests a second each API key regains).");
        }

        if (options.RequestTimeoutSeconds is < 1 or > 600)
        {
            failures.Add("Api:RequestTimeoutSeconds must be between 1 and 600 (how long a request may take before it is answered 503).");
        }

        if (options.RateLimit.Burst < 1)
        {
            failures.Add("Api:RateLimit:Burst must be at least 1 (requests each API key may make at once).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
