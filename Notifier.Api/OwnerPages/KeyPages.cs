using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Notifier.Api.ApiKeys;
using Notifier.Api.Pages;
using static Notifier.Api.OwnerPages.OwnerPage;

namespace Notifier.Api.OwnerPages;

/// <summary>The owner's API keys: list, make one (shown once), revoke.</summary>
internal static class KeyPages
{
    public static IEndpointRouteBuilder MapKeyPages(this IEndpointRouteBuilder routes)
    {
        var pages = routes.MapOwnerGroup("/keys");
        pages.MapGet("/", ListAsync);
        pages.MapPost("/", CreateAsync);
        pages.MapPost("/{id:long}/revoke", RevokeAsync);
        return routes;
    }

    private static Task<IResult> ListAsync(ClaimsPrincipal user, OwnerApiKeys keys, string? done, CancellationToken cancellationToken) =>
        PageAsync(user, keys, new KeysPageModel { Notice = done == "revoked" ? "Key revoked: requests with it are now refused." : null }, cancellationToken);

    /// <summary>Makes a key and shows it on this one answer only (not a redirect: the key is in no URL and no later page).</summary>
    private static async Task<IResult> CreateAsync(
        [FromForm] string? name, HttpContext http, ClaimsPrincipal user, OwnerApiKeys keys, CancellationToken cancellationToken)
    {
        var (created, key, problem) = await keys.CreateAsync(Owner(user), name, cancellationToken);
        if (problem is not null)
        {
            return await PageAsync(user, keys, new KeysPageModel { Name = name, Error = problem }, cancellationToken, StatusCodes.Status400BadRequest);
        }

        // The key is on this page once: no cache may keep it.
        http.Response.Headers.CacheControl = "no-store";
        return await PageAsync(user, keys, new KeysPageModel { NewKey = key, NewKeyName = created!.Name }, cancellationToken);
    }

    private static async Task<IResult> RevokeAsync(long id, IFormCollection form, ClaimsPrincipal user, OwnerApiKeys keys, CancellationToken cancellationToken) =>
        await keys.RevokeAsync(Owner(user), id, cancellationToken) ? SeeOther("/keys?done=revoked") : NotFound("key");

    private static async Task<IResult> PageAsync(
        ClaimsPrincipal user, OwnerApiKeys keys, KeysPageModel model, CancellationToken cancellationToken, int status = StatusCodes.Status200OK) =>
        Render<KeysPage>(new { Keys = await keys.ListAsync(Owner(user), cancellationToken), Model = model }, status);
}

/// <summary>What the keys page shows besides the list: a notice, a form error, or the key just made.</summary>
public sealed record KeysPageModel
{
    public string? Name { get; init; }

    public string? Error { get; init; }

    public string? Notice { get; init; }

    public string? NewKey { get; init; }

    public string? NewKeyName { get; init; }
}
