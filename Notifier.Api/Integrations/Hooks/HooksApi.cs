using Notifier.Api.ApiKeys;

namespace Notifier.Api.Integrations.Hooks;

/// <summary>Webhook receivers for tools that post their own payloads: Alertmanager, Grafana (and GitHub, signed instead of keyed).</summary>
internal static class HooksApi
{
    public static IEndpointRouteBuilder MapHooks(this IEndpointRouteBuilder routes)
    {
        var hooks = routes.MapGroup("/hooks").WithTags("Webhooks");
        var keyed = hooks.MapApiGroup("", "Webhooks");
        keyed.MapPost("/alertmanager/{topic}", AlertmanagerHook.ReceiveAsync)
            .Produces<HookAccepted>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        keyed.MapPost("/grafana/{topic}", GrafanaHook.ReceiveAsync)
            .Produces<HookAccepted>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        // GitHub cannot send a key: its signature under the topic's secret is the credential.
        hooks.MapPost("/github/{topic}", GitHubHook.ReceiveAsync)
            .Produces<GitHubAnswer>().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }
}
