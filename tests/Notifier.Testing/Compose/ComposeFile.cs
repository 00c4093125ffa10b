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
    /// <remarks>YAML merge keys (<c>&lt;&lt;: *anchor</c>) are applied as compose applies them: the service's own keys win.</remarks>
    public IReadOnlyDictionary<string, string> Environment(string service)
    {
        var result = new Dictionary<string, string>();
        if (!Service(service).Children.TryGetValue("environment", out var env))
        {
            return result;
        }

        var own = ((YamlMappingNode)env).Children;
        if (own.TryGetValue("<<", out var merged))
        {
            foreach (var (key, value) in ((YamlMappingNode)merged).Children)
            {
                result[key.ToString()] = value.ToString();
            }
        }

        foreach (var (key, value) in own.Where(e => e.Key.ToString() != "<<"))
        {
            result[key.ToString()] = value.ToString();
        }

        return result;
    }

    /// <summary>The services this one waits for, with the condition it waits on.</summary>
    public IReadOnlyDictionary<string, string> DependsOn(string service) =>
        Service(service).Children.TryGetValue("depends_on", out var deps)
            ? ((YamlMappingNode)deps).Children.ToDictionary(d => d.Key.ToString(), d => ((YamlMappingNode)d.Value).Children[new YamlScalarNode("condition")].ToString())
            : new Dictionary<string, string>();

    public IReadOnlyList<string>? HealthcheckTest(string service) =>
        Service(service).Children.TryGetValue("healthcheck", out var check)
            ? ((YamlSequenceNode)((YamlMappingNode)check).Children[new YamlScalarNode("test")]).Children.Select(c => c.ToString()).ToList()
            : null;

    /// <summary>The service's environment after compose's variable substitution with <paramref name="variables"/>.</summary>
    public Dictionary<string, string> ResolvedEnvironment(string service, ComposeVariables variables) =>
        Environment(service).ToDictionary(e => e.Key, e => variables.Substitute(e.Value));

    /// <summary>The service's published ports as written (<c>"127.0.0.1:${NOTIFIER_PORT:-5080}:8080"</c>).</summary>
    public IReadOnlyList<string> Ports(string service) =>
        Service(service).Children.TryGetValue("ports", out var ports) ? ((YamlSequenceNode)ports).Children.Select(p => p.ToString()).ToList() : [];

    /// <summary>The build arguments of the service's image.</summary>
    public IReadOnlyDictionary<string, string> BuildArgs(string service) =>
        Service(service).Children.TryGetValue("build", out var build) && build is YamlMappingNode b && b.Children.TryGetValue("args", out var args)
            ? ((YamlMappingNode)args).Children.ToDictionary(a => a.Key.ToString(), a => a.Value.ToString())
            : new Dictionary<string, string>();

    /// <summary>The service's healthcheck: the command (without compose's <c>CMD</c>), how often, how many failures make it unhealthy.</summary>
    public ComposeHealthcheck Healthcheck(string service)
    {
        var check = (YamlMappingNode)Service(service).Children[new YamlScalarNode("healthcheck")];
        // Compose's defaults where a key is left out: interval 30s, timeout 30s, retries 3, start_period 0s.
        string Scalar(string key, string fallback) => check.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value.ToString() : fallback;
        var test = HealthcheckTest(service)!;
        return new ComposeHealthcheck(
            test[0] == "CMD" ? test.Skip(1).ToList() : test,
            ComposeHealthcheck.Duration(Scalar("interval", "30s")),
            ComposeHealthcheck.Duration(Scalar("timeout", "30s")),
            int.Parse(Scalar("retries", "3"), System.Globalization.CultureInfo.InvariantCulture),
            ComposeHealthcheck.Duration(Scalar("start_period", "0s")));
    }

    /// <summary>Every <c>${NAME...}</c> the file refers to.</summary>
    public IReadOnlySet<string> VariableNames() =>
        Variable().Matches(_text).Select(m => m.Groups[1].Value).ToHashSet();

    /// <summary>The configuration key an environment variable sets (<c>Kakao__AppId</c> → <c>Kakao:AppId</c>).</summary>
    public static string ConfigurationKey(string environmentVariable) => environmentVariable.Replace("__", ":", StringComparison.Ordinal);

    private static YamlMappingNode Mapping(YamlMappingNode node, string key) => (YamlMappingNode)node.Children[new YamlScalarNode(key)];

    [GeneratedRegex(@"\$\{([A-Z0-9_]+)")]
    private static partial Regex Variable();
}
