using System.Text;

namespace Notifier.Testing.Compose;

/// <summary>
/// Compose's variable substitution (<c>${VAR}</c>, <c>${VAR:-default}</c>, <c>${VAR-default}</c>, <c>${VAR:?error}</c>,
/// <c>${VAR?error}</c>, <c>$VAR</c>, <c>$$</c>) over the values of a <c>.env</c> file, as <c>docker compose</c> applies them.
/// </summary>
public sealed class ComposeVariables(IReadOnlyDictionary<string, string> values)
{
    public IReadOnlyDictionary<string, string> Values => values;

    /// <summary>The <c>NAME=value</c> lines of a <c>.env</c> file (comments and blank lines skipped, quotes removed).</summary>
    public static Dictionary<string, string> ReadDotEnv(string path) =>
        File.ReadAllLines(path)
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#') && l.Contains('=', StringComparison.Ordinal))
            .ToDictionary(l => l[..l.IndexOf('=', StringComparison.Ordinal)].Trim(), l => Unquote(l[(l.IndexOf('=', StringComparison.Ordinal) + 1)..].Trim()));

    /// <summary>The value with every reference replaced; a failed <c>:?</c> throws with compose's message.</summary>
    public string Substitute(string text)
    {
        var result = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '$' || i + 1 >= text.Length)
            {
                result.Append(text[i]);
                continue;
            }

            var next = text[i + 1];
            if (next == '$')
            {
                result.Append('$');
                i++;
            }
            else if (next == '{')
            {
                var end = text.IndexOf('}', i + 2);
                if (end < 0)
                {
                    throw new FormatException($"Unclosed variable reference in '{text}'.");
                }

                result.Append(Expand(text[(i + 2)..end]));
                i = end;
            }
            else if (char.IsAsciiLetter(next) || next == '_')
            {
                var end = i + 1;
                while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '_'))
                {
                    end++;
                }

                result.Append(values.GetValueOrDefault(text[(i + 1)..end], ""));
                i = end - 1;
            }
            else
            {
                result.Append('$');
            }
        }

        return result.ToString();
    }

    private string Expand(string reference)
    {
        var operatorAt = reference.IndexOfAny([':', '-', '?']);
        if (operatorAt < 0)
        {
            return values.GetValueOrDefault(reference, "");
        }

        var name = reference[..operatorAt];
        var colon = reference[operatorAt] == ':';
        var op = colon ? reference[operatorAt + 1] : reference[operatorAt];
        var argument = reference[(operatorAt + (colon ? 2 : 1))..];
        var isSet = values.TryGetValue(name, out var value);
        var missing = colon ? string.IsNullOrEmpty(value) : !isSet;
        return op switch
        {
            '-' => missing ? Substitute(argument) : value!,
            '?' => missing ? throw new InvalidOperationException($"required variable {name} is missing a value: {argument}") : value!,
            _ => throw new FormatException($"Unsupported substitution '${{{reference}}}'."),
        };
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0] ? value[1..^1] : value;
}
