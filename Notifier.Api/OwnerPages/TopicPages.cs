using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Notifier.Api.Integrations;
using Notifier.Api.Pages;
using Notifier.Core.Data;
using Notifier.Core.Integrations;
using static Notifier.Api.OwnerPages.OwnerPage;

namespace Notifier.Api.OwnerPages;

/// <summary>
/// The owner's topics: messages an operator key publishes to one of them (ntfy, Alertmanager, Grafana, GitHub) come to
/// this account; a topic can hold the secret GitHub signs its webhooks with.
/// </summary>
internal static class TopicPages
{
    public const int SecretMinLength = 16;

    public static IEndpointRouteBuilder MapTopicPages(this IEndpointRouteBuilder routes)
    {
        var pages = routes.MapOwnerGroup("/topics");
        pages.MapGet("/", ListAsync);
        pages.MapPost("/", SaveAsync);
        pages.MapPost("/{name}/delete", DeleteAsync);
        return routes;
    }

    private static async Task<IResult> ListAsync(ClaimsPrincipal user, NotifierDbContext db, string? done, CancellationToken cancellationToken) =>
        await PageAsync(Owner(user), db, new TopicForm(), new Dictionary<string, string[]>(), Notice(done), cancellationToken);

    private static async Task<IResult> SaveAsync(
        [FromForm] TopicForm form, ClaimsPrincipal user, NotifierDbContext db, IntegrationPublisher publisher, TopicSecrets secrets,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var owner = Owner(user);
        var name = form.Name?.Trim() ?? "";
        var errors = new Dictionary<string, string[]>();
        if (publisher.CheckTopic(name) is { } bad)
        {
            errors["name"] = [bad.ProblemDetails.Detail!];
        }

        var secret = form.GitHubSecret?.Trim();
        if (!string.IsNullOrEmpty(secret) && secret.Length < SecretMinLength)
        {
            errors["gitHubSecret"] = [$"A webhook secret has at least {SecretMinLength} characters (openssl rand -hex 24 makes a good one)."];
        }

        var route = errors.Count == 0 ? await db.Topics.SingleOrDefaultAsync(t => t.Name == name, cancellationToken) : null;
        if (route is not null && route.AccountId != owner)
        {
            errors["name"] = [$"'{name}' is mapped to another account; its owner must remove it first."];
        }

        if (errors.Count > 0)
        {
            return await PageAsync(owner, db, form, errors, null, cancellationToken, StatusCodes.Status400BadRequest);
        }

        if (route is null)
        {
            route = new TopicRoute { Name = name, AccountId = owner, CreatedAt = time.GetUtcNow().UtcDateTime };
            db.Topics.Add(route);
        }

        if (!string.IsNullOrEmpty(secret))
        {
            route.GitHubSecretCipher = secrets.Protect(secret);
        }
        else if (form.ClearGitHubSecret == "on")
        {
            route.GitHubSecretCipher = null;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request mapped the same name meanwhile.
            errors["name"] = [$"'{name}' was just mapped by someone else."];
            db.ChangeTracker.Clear();
            return await PageAsync(owner, db, form, errors, null, cancellationToken, StatusCodes.Status409Conflict);
        }

        return SeeOther("/topics?done=saved");
    }

    // The form parameter makes the endpoint a form post, so its antiforgery token is checked.
    private static async Task<IResult> DeleteAsync(string name, IFormCollection form, ClaimsPrincipal user, NotifierDbContext db, CancellationToken cancellationToken)
    {
        var owner = Owner(user);
        var removed = await db.Topics.Where(t => t.Name == name && t.AccountId == owner).ExecuteDeleteAsync(cancellationToken);
        return removed == 0 ? NotFound("topic") : SeeOther("/topics?done=deleted");
    }

    private static async Task<IResult> PageAsync(
        long owner, NotifierDbContext db, TopicForm form, IDictionary<string, string[]> errors, string? notice, CancellationToken cancellationToken,
        int status = StatusCodes.Status200OK)
    {
        var topics = await db.Topics.AsNoTracking().Where(t => t.AccountId == owner).OrderBy(t => t.Name)
            .Select(t => new TopicsPage.Row(t.Name, t.GitHubSecretCipher != null)).ToListAsync(cancellationToken);
        return Render<TopicsPage>(new { Topics = topics, Form = form, Errors = errors, Notice = notice }, status);
    }

    private static string? Notice(string? done) => done switch
    {
        "saved" => "Topic saved.",
        "deleted" => "Topic removed.",
        _ => null,
    };
}
