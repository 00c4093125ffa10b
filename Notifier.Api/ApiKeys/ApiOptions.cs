using System.Globalization;

namespace Notifier.Api.ApiKeys;

/// <summary>Settings of the REST API (section <c>Api</c>).</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";

    /// <summary>Operator keys shorter than this are refused at start.</summary>
    public const int MinimumKeyLength = 32;

    public const int MaxNameLength = 50;

    /// <summary>
    /// Operator keys, which may act on every account: <c>Api:Keys:{name}</c> = key. A plain list (<c>Api:Keys:0</c>,
    /// a JSON array) still works: its items are named <c>key1</c>, <c>key2</c>, … by position. An empty value is no key.
    /// </summary>
    public Dictionary<string, string> Keys { get; set; } = [];

    public ApiRateLimitOptions RateLimit { get; set; } = new();

    /// <summary>
    /// How long any request to the Api process (REST, pages, health) may take before it is answered 503 with
    /// Retry-After: a client waits seconds, not the database's minute of retries during an outage (RequestDeadline).
    /// </summary>
    public int RequestTimeoutSeconds { get; set; } = 15;

    /// <summary>The operator keys by name (list items named <c>key1</c>, <c>key2</c>, …), empty values left out.</summary>
    public IReadOnlyList<OperatorKey> OperatorKeys() =>
        Keys.Where(k => !string.IsNullOrEmpty(k.Value))
            .Select(k => new OperatorKey(NameOf(k.Key), k.Value))
            .OrderBy(k => k.Name, StringComparer.Ordinal)
            .ToList();

    /// <summary>A list item's position (<c>0</c>) becomes <c>key1</c>; a name is kept.</summary>
    public static string NameOf(string configured) =>
        int.TryParse(configured, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? $"key{index + 1}" : configured;

    /// <summary>
    /// Topics mapped to accounts for operator keys (<c>Api:Topics:{topic}</c> = account id), beside the owner page
    /// <c>/topics</c>; a key of an account always publishes to its own account.
    /// </summary>
    public Dictionary<string, long> Topics { get; set; } = [];
}

/// <summary>A key from <c>Api:Keys</c> and its name.</summary>
public sealed record OperatorKey(string Name, string Key);
