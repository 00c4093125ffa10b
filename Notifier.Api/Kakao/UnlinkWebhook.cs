using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Notifier.Core.Accounts;
using Notifier.Core.Kakao;

namespace Notifier.Api.Kakao;

/// <summary>
/// Kakao's unlink webhook: Kakao calls it (GET or POST) when a user disconnects the app outside Notifier. Verified by
/// <c>Authorization: KakaoAK {admin key}</c> and the app id; answers 200 even for an unknown user, within Kakao's 3 s:
/// it only records the unlink (never waiting on the account row, which a token refresh may hold) and wakes the
/// <see cref="UnlinkApplier"/>, which marks the account right after.
/// </summary>
internal static partial class UnlinkWebhook
{
    public const string Path = "/kakao/unlink";

    public static IEndpointRouteBuilder MapKakaoUnlink(this IEndpointRouteBuilder routes)
    {
        routes.MapMethods(Path, [HttpMethods.Get, HttpMethods.Post], HandleAsync).ExcludeFromDescription().DisableAntiforgery();
        return routes;
    }

    private static async Task<IResult> HandleAsync(
        HttpRequest request, IOptionsSnapshot<KakaoOptions> kakao, AccountUnlinker unlinker, UnlinkSignal applier, ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(UnlinkWebhook));
        var options = kakao.Value;
        if (string.IsNullOrEmpty(options.AdminKey) || string.IsNullOrEmpty(options.AppId))
        {
            LogNotConfigured(logger);
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The unlink webhook is not configured",
                detail: "Set Kakao:AdminKey and Kakao:AppId to accept Kakao's unlink calls.");
        }

        if (!IsFromKakao(request.Headers.Authorization.ToString(), options.AdminKey))
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Not from Kakao",
                detail: "The unlink webhook needs 'Authorization: KakaoAK' with the app's admin key.");
        }

        var fields = request.HasFormContentType ? (IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>>)await request.ReadFormAsync(cancellationToken) : request.Query;
        var values = fields.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        if (values.GetValueOrDefault("app_id") != options.AppId)
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Another app",
                detail: "'app_id' is not this notifier's Kakao app.");
        }

        if (!long.TryParse(values.GetValueOrDefault("user_id"), out var kakaoUserId))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "No user", detail: "'user_id' must be a Kakao user id.");
        }

        var referrer = values.GetValueOrDefault("referrer_type") ?? "unknown";
        var accountId = await unlinker.RecordAsync(kakaoUserId, $"the user disconnected the app on Kakao's side ({Sanitize(referrer)})", cancellationToken);
        if (accountId is not null)
        {
            applier.Notify();
        }

        LogUnlinked(logger, kakaoUserId, accountId, Sanitize(referrer));
        return Results.Ok();
    }

    private static bool IsFromKakao(string authorization, string adminKey)
    {
        const string prefix = "KakaoAK ";
        if (!authorization.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(authorization[prefix.Length..].Trim())),
            SHA256.HashData(Encoding.UTF8.GetBytes(adminKey)));
    }

    private static string Sanitize(string value) =>
        new([.. value.Where(c => char.IsAsciiLetterOrDigit(c) || c == '_').Take(40)]);

    [LoggerMessage(LogLevel.Warning, "Kakao called the unlink webhook, but Kakao:AdminKey or Kakao:AppId is not set")]
    private static partial void LogNotConfigured(ILogger logger);

    [LoggerMessage(LogLevel.Information, "Kakao unlinked user {KakaoUserId} (account {AccountId}): {Referrer}")]
    private static partial void LogUnlinked(ILogger logger, long kakaoUserId, long? accountId, string referrer);
}
