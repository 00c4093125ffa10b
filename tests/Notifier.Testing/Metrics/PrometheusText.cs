using System.Globalization;
using System.Text.RegularExpressions;

namespace Notifier.Testing.Metrics;

/// <summary>A Prometheus text exposition read into samples, so tests ask for a series by name and labels.</summary>
public sealed partial class PrometheusText
{
    private PrometheusText(string text, IReadOnlyList<PrometheusSample> samples)
    {
        Text = text;
        Samples = samples;
    }

    public string Text { get; }

    public IReadOnlyList<PrometheusSample> Samples { get; }

    public static PrometheusText Parse(string text)
    {
        var samples = new List<PrometheusSample>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            var match = SampleLine().Match(line);
            if (!match.Success)
            {
                throw new FormatException($"Not a Prometheus sample line: {line}");
            }

            var labels = Label().Matches(match.Groups["labels"].Value).ToDictionary(m => m.Groups["key"].Value, m => m.Groups["value"].Value);
            samples.Add(new PrometheusSample(match.Groups["name"].Value, labels, ParseValue(match.Groups["value"].Value)));
        }

        return new PrometheusText(text, samples);
    }

    /// <summary>The samples called <paramref name="name"/> whose labels include every one of <paramref name="labels"/>.</summary>
    public IEnumerable<PrometheusSample> Series(string name, params (string Key, string Value)[] labels) =>
        Samples.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Key, out var v) && v == l.Value));

    /// <summary>The one sample called <paramref name="name"/> with <paramref name="labels"/>; fails when there is none or several.</summary>
    public double Value(string name, params (string Key, string Value)[] labels)
    {
        var found = Series(name, labels).ToList();
        return found.Count == 1
            ? found[0].Value
            : throw new InvalidOperationException($"Expected one {name}{{{string.Join(',', labels.Select(l => $"{l.Key}=\"{l.Value}\""))}}}, found {found.Count} in:\n{Text}");
    }

    public bool Has(string name) => Samples.Any(s => s.Name == name);

    private static double ParseValue(string value) => value switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        _ => double.Parse(value, CultureInfo.InvariantCulture),
    };

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>\S+)(\s+\d+)?$")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"(?<key>[a-zA-Z_][a-zA-Z0-9_]*)=""(?<value>(?:[^""\\]|\\.)*)""")]
    private static partial Regex Label();
}

public sealed record PrometheusSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);
