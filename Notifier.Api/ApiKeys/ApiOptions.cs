namespace Notifier.Api.ApiKeys;

/// <summary>Settings of the REST API (section <c>Api</c>).</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";

    /// <summary>The keys a caller may present as <c>Authorization: Bearer &lt;key&gt;</c>. None: the API refuses every call.</summary>
    public List<string> Keys { get; set; } = [];

    /// <summary>
    /// Topics mapped to accounts for operator keys (<c>Api:Topics:{topic}</c> = account id), beside the owner page
    /// <c>/topics</c>; a key scoped to an account always publishes to its own account.
    /// </summary>
    public Dictionary<string, long> Topics { get; set; } = [];
}
