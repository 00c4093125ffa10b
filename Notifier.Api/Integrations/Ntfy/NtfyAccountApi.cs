using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Notifier.Api.Accounts;
using Notifier.Api.ApiKeys;
using Notifier.Api.Problems;
using Notifier.Core.Deliveries;

namespace Notifier.Api.Integrations.Ntfy;

/// <summary>
/// The part of ntfy's account API that Home Assistant's ntfy integration (the <c>aiontfy</c> client) calls at setup and
/// every 15 minutes after: <c>GET /v1/account</c> (credentials check, and the sensors: today's memos against the daily
/// cap) and <c>POST /v1/account/token</c> (the token it keeps: the key the request presented, see ADR 0015). Every other
/// <c>/v1/...</c> path is ntfy's 404 (40401), which is how <c>aiontfy</c> learns that <c>/v1/version</c> is not there.
/// Refusals here are ntfy's error JSON (<see cref="NtfyErrorWriter"/>).
/// </summary>
internal static class NtfyAccountApi
{
    /// <summary>A token request is a label and an expiry: a few bytes.</summary>
    public const int MaxTokenRequestBytes = 4096;

    public static IEndpointRouteBuilder MapNtfyAccount(this IEndpointRouteBuilder routes)
    {
        var v1 = routes.MapGroup("/v1").WithMetadata(new NtfyErrors());
        var keyed = v1.MapApiGroup("", "ntfy");
        keyed.MapGet("/account", GetAccountAsync).Produces<NtfyAccount>().Produces<NtfyError>(StatusCodes.Status401Unauthorized);
        keyed.MapPost("/account/token", CreateToken).Produces<NtfyToken>().Produces<NtfyError>(StatusCodes.Status400BadRequest);
        // At least one segment after /v1, so POST /v1 stays the reserved topic it was.
        v1.MapMethods("/{first}/{**rest}", [HttpMethods.Get, HttpMethods.Head, HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete], NotOffered)
            .ExcludeFromDescription();
        return routes;
    }

    private static async Task<Ok<NtfyAccount>> GetAccountAsync(
        HttpRequest request, ClaimsPrincipal user, AccountViews views, IOptions<DispatchOptions> dispatch, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.From(user);
        // An account's key: that account; an operator key: every account, summed.
        var accounts = await views.ListAsync(caller.AccountId, cancellationToken);
        long cap = (long)dispatch.Value.DailyCap * accounts.Count;
        long used = accounts.Sum(a => (long)a.SentToday);
        var retention = (long)TimeSpan.FromDays(dispatch.Value.RetentionDays).TotalSeconds;
        return TypedResults.Ok(new NtfyAccount(
            UserName(request, caller),
            caller.IsOperator ? "admin" : "user",
            new NtfyTier("notifier", "Notifier (KakaoTalk)"),
            new NtfyLimits("tier", cap, retention, 0, 0, 0, 0, 0, 0, 0),
            new NtfyStats(used, Math.Max(0, cap - used), 0, 0, 0, 0, 0, 0, 0, 0)));
    }

    /// <summary>
    /// ntfy mints a token for the user name and password it was given; Notifier's key already is a token (Bearer works
    /// everywhere), so the answer is that key: nothing new is stored, and revoking the key on /keys ends Home Assistant's
    /// access too. The label and expiry asked for are read (a bad body is a 400) but not kept.
    /// </summary>
    private static async Task<IResult> CreateToken(HttpRequest request, HttpResponse response, TimeProvider time, CancellationToken cancellationToken)
    {
        var (bytes, tooLarge) = await RequestBytes.ReadAsync(request, MaxTokenRequestBytes, cancellationToken);
        if (tooLarge is not null)
        {
            return tooLarge;
        }

        NtfyTokenRequest? asked = null;
        if (bytes!.Length > 0)
        {
            try
            {
                asked = JsonSerializer.Deserialize<NtfyTokenRequest>(bytes, JsonSerializerOptions.Web);
            }
            catch (JsonException)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The body is not ntfy's token request",
                    detail: "POST /v1/account/token takes {\"label\":\"...\",\"expires\":0} or no body.");
            }
        }

        // The request was authenticated with a key, so it presented one.
        var key = ((ApiCredentials.Presented.Key)ApiCredentials.Read(request)).Value;
        response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new NtfyToken(key, time.GetUtcNow().ToUnixTimeSeconds()) { Label = asked?.Label });
    }

    private static ProblemHttpResult NotOffered(HttpRequest request) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, title: "page not found",
        detail: $"Notifier offers of ntfy's /v1 API only GET /v1/account and POST /v1/account/token (for Home Assistant); not {request.Method} {request.Path}.");

    /// <summary>The user name a Basic credential gave (so Home Assistant finds the name it was set up with), else the key's name.</summary>
    private static string UserName(HttpRequest request, ApiCaller caller) =>
        ApiCredentials.Read(request) is ApiCredentials.Presented.Key { UserName: { Length: > 0 } name } ? name : caller.KeyName;

    private sealed record NtfyTokenRequest(
        [property: JsonPropertyName("label")] string? Label,
        [property: JsonPropertyName("expires")] long? Expires);
}
