using System.Collections.Frozen;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Notifier.Api.Integrations;

/// <summary>
/// Names no topic may have: the first path segment of every route Notifier serves (<c>api</c>, <c>health</c>, <c>auth</c>,
/// <c>m</c>, <c>r</c>, <c>hooks</c>, owner pages, ...) read from the routing table itself, and ntfy's own <c>v1</c>. So a
/// <c>POST /{topic}</c> can never stand in for a route that exists, whichever methods that route takes.
/// </summary>
internal sealed class ReservedTopics(IEnumerable<EndpointDataSource> sources)
{
    private FrozenSet<string>? _names;

    public bool Contains(string topic) => (_names ??= Read()).Contains(topic);

    private FrozenSet<string> Read()
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "v1" };
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            if (endpoint.RoutePattern.PathSegments is [{ IsSimple: true, Parts: [RoutePatternLiteralPart literal] }, ..])
            {
                names.Add(literal.Content);
            }
        }

        return names.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}
