using System.Text.RegularExpressions;

namespace Notifier.Testing.Compose;

/// <summary>The repository's <c>Dockerfile</c>: what its runtime stage puts in the environment and runs.</summary>
public sealed partial class Dockerfile
{
    /// <summary>What the runtime base image (<c>mcr.microsoft.com/dotnet/aspnet</c>) itself sets, before the Dockerfile's own ENV.</summary>
    public static readonly IReadOnlyDictionary<string, string> AspNetBaseImageEnvironment = new Dictionary<string, string>
    {
        ["ASPNETCORE_HTTP_PORTS"] = "8080",
        ["DOTNET_RUNNING_IN_CONTAINER"] = "true",
    };

    private readonly List<string> _instructions;

    private Dockerfile(List<string> instructions) => _instructions = instructions;

    public static Dockerfile Load() =>
        new(Instructions(File.ReadAllText(Path.Combine(ComposeFile.RepositoryRoot, "Dockerfile"))));

    /// <summary>The last stage's instructions (the image that runs).</summary>
    public IReadOnlyList<string> RuntimeStage => _instructions.Skip(_instructions.FindLastIndex(i => i.StartsWith("FROM ", StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>The runtime image's environment for a build with <paramref name="buildArgs"/>: the base image's, then each ENV.</summary>
    public Dictionary<string, string> Environment(IReadOnlyDictionary<string, string> buildArgs)
    {
        var args = new Dictionary<string, string>();
        var environment = new Dictionary<string, string>(AspNetBaseImageEnvironment);
        foreach (var instruction in RuntimeStage)
        {
            var (keyword, rest) = Split(instruction);
            if (keyword == "ARG")
            {
                var (name, value) = rest.Contains('=', StringComparison.Ordinal) ? (rest[..rest.IndexOf('=', StringComparison.Ordinal)], rest[(rest.IndexOf('=', StringComparison.Ordinal) + 1)..]) : (rest, "");
                args[name] = buildArgs.TryGetValue(name, out var given) ? given : value;
            }
            else if (keyword == "ENV")
            {
                var known = new ComposeVariables(args.Concat(environment).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value));
                foreach (Match pair in EnvPair().Matches(rest))
                {
                    environment[pair.Groups[1].Value] = known.Substitute(pair.Groups[2].Value.Trim('"'));
                }
            }
        }

        return environment;
    }

    /// <summary>The runtime stage's ENTRYPOINT as written.</summary>
    public string EntryPoint => RuntimeStage.Last(i => i.StartsWith("ENTRYPOINT ", StringComparison.OrdinalIgnoreCase));

    private static (string Keyword, string Arguments) Split(string instruction)
    {
        var space = instruction.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? (instruction.ToUpperInvariant(), "") : (instruction[..space].ToUpperInvariant(), instruction[(space + 1)..].Trim());
    }

    /// <summary>Instructions with line continuations joined and comments dropped.</summary>
    private static List<string> Instructions(string text)
    {
        var joined = Continuation().Replace(text, " ");
        return joined.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
    }

    [GeneratedRegex(@"\\\r?\n\s*")]
    private static partial Regex Continuation();

    [GeneratedRegex(@"([A-Za-z_][A-Za-z0-9_]*)=(""[^""]*""|\S+)")]
    private static partial Regex EnvPair();
}
