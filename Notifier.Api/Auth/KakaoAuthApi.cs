using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Notifier.Api.Pages;
using Notifier.Core;
using Notifier.Core.Accounts;
using Notifier.Core.Kakao;
using Notifier.Core.Owners;

namespace Notifier.Api.Auth;

/// <summary>The one-time browser authorization: Kakao Login with <c>state</c> and PKCE.</summary>
internal static partial class KakaoAuthApi
{
    public static IEndpointRouteBuilder MapKakaoAuth(this IEndpointRouteBuilder routes)
    {
        var auth = routes.MapGroup("/auth/kakao").ExcludeFromDescription();
        auth.MapGet("/login", Login);
        auth.MapGet("/consent", AskForMessages);
        // No request deadline (RequestDeadline): once Kakao exchanged the single-use code, its tokens must be stored.
        auth.MapGet("/callback", CallbackAsync).DisableRequestTimeout();
        return routes;
    }

    private static Results<RedirectHttpResult, RazorComponentResult<MessagePage>> Login(
        HttpContext http,
        IOptionsSnapshot<KakaoOptions> options,
        IOptions<NotifierOptions> notifier,
        IDataProtectionProvider dataProtection,
        KakaoAuthClient kakao) =>
        StartAuthorization(http, options, notifier, dataProtection, kakao, KakaoAuthClient.Scopes);

    /// <summary>Kakao's additional-consent request: the same sign-in (state, PKCE), asking for exactly <c>talk_message</c>.</summary>
    private static Results<RedirectHttpResult, RazorComponentResult<MessagePage>> AskForMessages(
        HttpContext http,
        IOptionsSnapshot<KakaoOptions> options,
        IOptions<NotifierOptions> notifier,
        IDataProtectionProvider dataProtection,
        KakaoAuthClient kakao) =>
        StartAuthorization(http, options, notifier, dataProtection, kakao, KakaoConsent.Messages);

    /// <summary>The sign-in an invite link starts: the ordinary one, carrying the invite to the callback.</summary>
    public static Results<RedirectHttpResult, RazorComponentResult<MessagePage>> StartInvited(HttpContext http, long inviteId)
    {
        var services = http.RequestServices;
        return StartAuthorization(http, services.GetRequiredService<IOptionsSnapshot<KakaoOptions>>(), services.GetRequiredService<IOptions<NotifierOptions>>(),
            services.GetRequiredService<IDataProtectionProvider>(), services.GetRequiredService<KakaoAuthClient>(), KakaoAuthClient.Scopes, inviteId);
    }

    private static Results<RedirectHttpResult, RazorComponentResult<MessagePage>> StartAuthorization(
        HttpContext http,
        IOptionsSnapshot<KakaoOptions> options,
        IOptions<NotifierOptions> notifier,
        IDataProtectionProvider dataProtection,
        KakaoAuthClient kakao,
        string scope,
        long? inviteId = null)
    {
        var missing = options.Value.MissingSettings();
        if (missing.Count > 0)
        {
            return CallbackFailures.NotConfigured(missing);
        }

        var attempt = KakaoAuthAttempt.Start(http, notifier.Value, dataProtection, RedirectUris.For(http.Request, options.Value, notifier.Value), inviteId);
        return TypedResults.Redirect(kakao.BuildAuthorizeUri(attempt.RedirectUri, attempt.State, attempt.CodeVerifier, scope).AbsoluteUri);
    }

    private static async Task<Results<RedirectHttpResult, RazorComponentResult<MessagePage>, RazorComponentResult<ConsentNeededPage>>> CallbackAsync(
        HttpContext http,
        string? code,
        string? state,
        string? error,
        IOptions<NotifierOptions> notifier,
        IDataProtectionProvider dataProtection,
        AccountConnector connector,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(KakaoAuthApi));
        var attempt = KakaoAuthAttempt.Take(http, notifier.Value, dataProtection);
        if (attempt is null || !attempt.Matches(state))
        {
            LogRejectedCallback(logger, attempt is null ? "no pending sign-in in this browser" : "state does not match");
            return CallbackFailures.NoAttempt();
        }

        if (error is not null)
        {
            LogKakaoDeclined(logger, error);
            return error == "access_denied" ? CallbackFailures.Declined() : CallbackFailures.KakaoRefused(error);
        }

        if (string.IsNullOrEmpty(code))
        {
            return CallbackFailures.MissingCode();
        }

        try
        {
            var account = await connector.ConnectAsync(code, attempt.RedirectUri, attempt.CodeVerifier, attempt.InviteId, cancellationToken);
            await OwnerSignIn.SignInAsync(http, account);
            if (account.Status != AccountStatus.Active)
            {
                // Signed in all the same: the owner sees the account and its reason, and may disconnect it instead.
                LogConnectedWithoutMessages(logger, account.Id, account.KakaoUserId);
                return new RazorComponentResult<ConsentNeededPage>(new { account.Nickname }) { StatusCode = StatusCodes.Status403Forbidden };
            }

            LogConnected(logger, account.Id, account.KakaoUserId);
            return TypedResults.Redirect("/?connected=1");
        }
        catch (NotAdmittedException ex)
        {
            // Nothing stored and no session: the page is all this person gets, and their Kakao token was handed back.
            return ex.Reason == NotAdmittedReason.InviteNoLongerValid ? CallbackFailures.InviteNoLongerValid() : CallbackFailures.NotAnOwner();
        }
        catch (KakaoAuthException ex)
        {
            if (ex.IsConfigurationError)
            {
                LogConfigurationRejected(logger, ex.ErrorCode, ex.Error);
            }
            else
            {
                LogTokenRefused(logger, ex.ErrorCode, ex.Error);
            }

            return CallbackFailures.From(ex);
        }
        catch (Exception ex) when (ex is KakaoUnavailableException or KakaoApiException)
        {
            LogKakaoUnavailable(logger, ex.Message);
            return CallbackFailures.Unavailable();
        }
    }

    [LoggerMessage(LogLevel.Warning, "Kakao callback rejected: {Reason}")]
    private static partial void LogRejectedCallback(ILogger logger, string reason);

    [LoggerMessage(LogLevel.Information, "Kakao authorization not given: {KakaoError}")]
    private static partial void LogKakaoDeclined(ILogger logger, string kakaoError);

    [LoggerMessage(LogLevel.Information, "Connected account {AccountId} (Kakao user {KakaoUserId})")]
    private static partial void LogConnected(ILogger logger, long accountId, long kakaoUserId);

    [LoggerMessage(LogLevel.Warning, "Connected account {AccountId} (Kakao user {KakaoUserId}) without the talk_message consent: kept as reauthorization_required")]
    private static partial void LogConnectedWithoutMessages(ILogger logger, long accountId, long kakaoUserId);

    [LoggerMessage(LogLevel.Error, "Kakao rejected Notifier's configuration: {KakaoErrorCode} {KakaoError}. Check Kakao:RestApiKey, Kakao:ClientSecret and Kakao:RedirectUri")]
    private static partial void LogConfigurationRejected(ILogger logger, string kakaoErrorCode, string kakaoError);

    [LoggerMessage(LogLevel.Warning, "Kakao refused the code exchange: {KakaoErrorCode} {KakaoError}")]
    private static partial void LogTokenRefused(ILogger logger, string kakaoErrorCode, string kakaoError);

    [LoggerMessage(LogLevel.Warning, "Kakao unavailable during the callback: {Reason}")]
    private static partial void LogKakaoUnavailable(ILogger logger, string reason);
}
