using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Notifier.Core.Accounts;
using Notifier.Core.Kakao;

namespace Notifier.Testing.Kakao;

/// <summary>Connects a Kakao user the way the callback does, without a browser: authorize at the fake, exchange the code.</summary>
public static class KakaoAccounts
{
    private const string RedirectUri = "http://localhost:5080/auth/kakao/callback";

    /// <summary>
    /// The stored account of <paramref name="kakaoUserId"/>, with real tokens issued by <paramref name="kakao"/>; with
    /// <paramref name="inviteId"/> as if the person had followed that invite link.
    /// </summary>
    public static async Task<Account> ConnectAsync(
        IServiceProvider services, KakaoFake kakao, long kakaoUserId, string? nickname = null, bool consentToMessages = true, long? inviteId = null)
    {
        await using var scope = services.CreateAsyncScope();
        var auth = scope.ServiceProvider.GetRequiredService<KakaoAuthClient>();
        var verifier = $"verifier-{Guid.NewGuid():N}-{Guid.NewGuid():N}";
        var authorize = auth.BuildAuthorizeUri(RedirectUri, state: Guid.NewGuid().ToString("N"), verifier);
        var callback = kakao.Authorize(authorize, kakaoUserId, nickname ?? $"user {kakaoUserId}", consentToMessages);
        var code = QueryHelpers.ParseQuery(callback.Query)["code"].ToString();
        return await scope.ServiceProvider.GetRequiredService<AccountConnector>()
            .ConnectAsync(code, RedirectUri, verifier, inviteId, CancellationToken.None);
    }
}
