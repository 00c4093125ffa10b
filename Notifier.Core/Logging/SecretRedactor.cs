using System.Text.RegularExpressions;
using Serilog.Core;
using Serilog.Events;

namespace Notifier.Core.Logging;

/// <summary>
/// Last line of defence: rewrites any logged value that carries an OAuth secret (a <c>code=</c> in a query string,
/// a bearer token, a token field, an invite link's token) whatever logged it and at whatever level. Notifier's own code never logs secrets.
/// </summary>
public sealed partial class SecretRedactor : ILogEventEnricher
{
    public const string Mask = "***";

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        foreach (var (name, value) in logEvent.Properties.ToList())
        {
            var redacted = Redact(value);
            if (!ReferenceEquals(redacted, value))
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, redacted));
            }
        }
    }

    /// <summary>Masks secrets inside a plain string.</summary>
    public static string Redact(string text) =>
        text.Length < 6 ? text : InviteLinkPattern().Replace(PageTokenPattern().Replace(OwnerKeyPattern().Replace(
            BearerPattern().Replace(SecretFieldPattern().Replace(text, "${key}" + Mask), "${scheme} " + Mask), OwnerKeyPrefix + Mask), "${path}" + Mask), "${key}" + Mask);

    private static LogEventPropertyValue Redact(LogEventPropertyValue value) => value switch
    {
        ScalarValue { Value: string s } when Redact(s) is var r && r != s => new ScalarValue(r),
        SequenceValue seq => Rebuild(seq.Elements, out var items) ? new SequenceValue(items) : value,
        StructureValue st => RebuildProperties(st.Properties, out var props) ? new StructureValue(props, st.TypeTag) : value,
        DictionaryValue dict => RebuildDictionary(dict, out var entries) ? new DictionaryValue(entries) : value,
        _ => value,
    };

    private static bool Rebuild(IReadOnlyList<LogEventPropertyValue> source, out List<LogEventPropertyValue> items)
    {
        items = source.Select(Redact).ToList();
        return items.Where((v, i) => !ReferenceEquals(v, source[i])).Any();
    }

    private static bool RebuildProperties(IReadOnlyList<LogEventProperty> source, out List<LogEventProperty> props)
    {
        props = source.Select(p => new LogEventProperty(p.Name, Redact(p.Value))).ToList();
        return props.Where((p, i) => !ReferenceEquals(p.Value, source[i].Value)).Any();
    }

    private static bool RebuildDictionary(DictionaryValue dict, out List<KeyValuePair<ScalarValue, LogEventPropertyValue>> entries)
    {
        entries = dict.Elements.Select(e => new KeyValuePair<ScalarValue, LogEventPropertyValue>(e.Key, Redact(e.Value))).ToList();
        return entries.Zip(dict.Elements).Any(p => !ReferenceEquals(p.First.Value, p.Second.Value));
    }

    private const string OwnerKeyPrefix = "ntf_";

    // code=..., state=..., access_token=..., "refresh_token":"..." and friends, in query strings, forms and JSON; auth=
    // is the API key in ntfy's query form (base64 of an Authorization value).
    [GeneratedRegex("""(?<key>\b(?:code|state|code_verifier|access_token|refresh_token|id_token|client_secret|auth)"?\s*[=:]\s*"?)[^&\s"',;]+""", RegexOptions.IgnoreCase)]
    private static partial Regex SecretFieldPattern();

    // The request log's path of an invite link: /join/{token}.
    [GeneratedRegex(@"(?<key>/join/)[^/?#\s""']+", RegexOptions.IgnoreCase)]
    private static partial Regex InviteLinkPattern();

    // Basic needs a credential-looking word after it, so "Basic setup" in a message stays readable.
    [GeneratedRegex(@"\b(?<scheme>Bearer|KakaoAK)\s+[A-Za-z0-9\-._~+/]+=*|\b(?<scheme>Basic)\s+[A-Za-z0-9+/]{8,}=*", RegexOptions.IgnoreCase)]
    private static partial Regex BearerPattern();

    // The token of an integration's whole-message page or link redirect (/m/{token}, /r/{token}): it is the page's only key.
    [GeneratedRegex(@"(?<path>/[mr]/)[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])")]
    private static partial Regex PageTokenPattern();

    // An owner API key (made on the /keys page) wherever it appears.
    [GeneratedRegex(@"\bntf_[A-Za-z0-9\-_]{8,}")]
    private static partial Regex OwnerKeyPattern();
}
