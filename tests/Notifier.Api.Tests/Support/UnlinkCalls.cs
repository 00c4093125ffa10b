namespace Notifier.Api.Tests.Support;

/// <summary>Kakao's calls to the unlink webhook (kakao-api.md §6): GET with a query or POST with a form.</summary>
public static class UnlinkCalls
{
    public const string ValidAuthorization = "KakaoAK " + MessagingFixture.AdminKey;

    public static Dictionary<string, string> Fields(long kakaoUserId, string appId = MessagingFixture.AppId, string referrer = "UNLINK_FROM_APPS") => new()
    {
        ["app_id"] = appId,
        ["user_id"] = kakaoUserId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["referrer_type"] = referrer,
    };

    public static async Task<ApiAnswer> PostAsync(ApiFixture fixture, IReadOnlyDictionary<string, string> fields, string? authorization = ValidAuthorization)
    {
        using var caller = new ApiClient(fixture, authorization);
        using var form = new FormUrlEncodedContent(fields);
        return await caller.PostAsync("/kakao/unlink", form);
    }

    public static async Task<ApiAnswer> GetAsync(ApiFixture fixture, IReadOnlyDictionary<string, string> fields, string? authorization = ValidAuthorization)
    {
        using var caller = new ApiClient(fixture, authorization);
        var query = string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
        return await caller.GetAsync($"/kakao/unlink?{query}");
    }
}
