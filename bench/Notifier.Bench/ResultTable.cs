using System.Globalization;

namespace Notifier.Bench;

/// <summary>One line of the result: the figure, its value, its limit or goal, and the ratio between them.</summary>
internal sealed record Figure(string Name, string Value, string Limit, string Ratio, string Goal, bool? Met);

internal sealed class ResultTable
{
    private readonly List<Figure> _figures = [];

    public void Add(Figure figure)
    {
        _figures.Add(figure);
        Console.WriteLine($"  -> {figure.Name}: {figure.Value} (limit {figure.Limit}, ratio {figure.Ratio})");
    }

    public void Print(TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("| figure | value | limit | ratio | goal | met |");
        output.WriteLine("|---|---|---|---|---|---|");
        foreach (var f in _figures)
        {
            var met = f.Met switch { true => "yes", false => "**no**", null => "—" };
            output.WriteLine($"| {f.Name} | {f.Value} | {f.Limit} | {f.Ratio} | {f.Goal} | {met} |");
        }
    }

    public static string N(double value, string format = "0.##") => value.ToString(format, CultureInfo.InvariantCulture);
}
