using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Notifier.Testing.Compose;

/// <summary>The repository's <c>docker-compose.yml</c>, read with YamlDotNet, for the checks that need no Docker engine.</summary>
public sealed partial class ComposeFile
{
    private readonly YamlMappingNode _root;
    private readonly string _text;

    private ComposeFile(YamlMappingNode root, string text) => (_root, _text) = (root, text);

    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Notifier.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("Notifier.sln not found above the test output.");
        }
    }

    public static ComposeFile Load()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot, "docker-compose.yml"));
        var yaml = new YamlStream();
        yaml.Load(new StringReader(text));
        return new ComposeFile((YamlMappingNode)yaml.Documents[0].RootNode, text);
    }

    public IReadOnlyList<string> Services => Mapping(_root, "services").Children.Keys.Select(k => k.ToString()).ToList();

    public IReadOnlyList<string> Volumes => _root.Children.TryGetValue("volumes", out var v) ? ((YamlMappingNode)v).Children.Keys.Select(k => k.ToString()).ToList() : [];

    public YamlMappingNode Service(string name) => Mapping(Mapping(_root, "services"), name);

    /// <summary>The service's environment as written (values with their <c>${...}</c> references).</summary>
    public IReadOnlyDictionary<string, string> Environment(string service) =>
        Service(service).Children.TryGetValue("environment", out var env)
            ? ((YamlMappingNode)env).Children.ToDictionary(e => e.Key.ToString(), e => e.Value.ToString())
            : new Dictionary<string, string>();

    /// <summary>The services this one waits for, with the condition it waits on.</summary>
    public IReadOnlyDictionary<string, string> DependsOn(string service) =>
        Service(service).Children.TryGetValue("depends_on", out var deps)
            ? ((YamlMappingNode)deps).Children.ToDictionary(d => d.Key.ToString(), d => ((YamlMappingNode)d.Value).Children[new YamlScalarNode("condition")].ToString())
            : new Dictionary<string, string>();

    public IReadOnlyList<string>? HealthcheckTest(string service) =>
        Service(service).Children.TryGetValue("healthcheck", out var check)
            ? ((YamlSequenceNode)((YamlMappingNode)check).Children[new YamlScalarNode("test")]).Children.Select(c => c.ToString()).ToList()
            : null;

    /// <summary>Every <c>${NAME...}</c> the file refers to.</summary>
    public IReadOnlySet<string> VariableNames() =>
        Variable().Matches(_text).Select(m => m.Groups[1].Value).ToHashSet();

    /// <summary>The configuration key an environment variable sets (<c>Kakao__AppId</c> → <c>Kakao:AppId</c>).</summary>
    public static string ConfigurationKey(string environmentVariable) => environmentVariable.Replace("__", ":", StringComparison.Ordinal);

    private static YamlMappingNode Mapping(YamlMappingNode node, string key) => (YamlMappingNode)node.Children[new YamlScalarNode(key)];

    [GeneratedRegex(@"\$\{([A-Z0-9_]+)")]
    private static partial Regex Variable();
}
