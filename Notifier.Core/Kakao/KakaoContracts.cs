using System.Text.Json.Serialization;
using Refit;

namespace Notifier.Core.Kakao;

/// <summary>The form of <c>POST /oauth/token</c>; a null field is left out of the form.</summary>
public sealed record KakaoTokenRequest
{
    [AliasAs("grant_type")] public required string GrantType { get; init; }
    [AliasAs("client_id")] public required string ClientId { get; init; }
    [AliasAs("redirect_uri")] public string? RedirectUri { get; init; }
    [AliasAs("code")] public string? Code { get; init; }
    [AliasAs("code_verifier")] public string? CodeVerifier { get; init; }
    [AliasAs("refresh_token")] public string? RefreshToken { get; init; }
    [AliasAs("client_secret")] public string? ClientSecret { get; init; }
}

/// <summary>Kakao's token response; on a refresh the refresh token fields come only when it rotated.</summary>
public sealed record KakaoTokenResponse
{
    [JsonPropertyName("token_type")] public string? TokenType { get; init; }
    [JsonPropertyName("access_token")] public string AccessToken { get; init; } = "";
    [JsonPropertyName("expires_in")] public long ExpiresIn { get; init; }
    [JsonPropertyName("refresh_token")] public string? RefreshToken { get; init; }
    [JsonPropertyName("refresh_token_expires_in")] public long? RefreshTokenExpiresIn { get; init; }
    [JsonPropertyName("scope")] public string? Scope { get; init; }
}

/// <summary>The error body of kauth: <c>{ error, error_description, error_code }</c>.</summary>
public sealed record KakaoAuthErrorBody
{
    [JsonPropertyName("error")] public string? Error { get; init; }
    [JsonPropertyName("error_description")] public string? ErrorDescription { get; init; }
    [JsonPropertyName("error_code")] public string? ErrorCode { get; init; }
}

/// <summary>The error body of kapi: <c>{ msg, code }</c> with a negative code.</summary>
public sealed record KakaoApiErrorBody
{
    [JsonPropertyName("msg")] public string? Msg { get; init; }
    [JsonPropertyName("code")] public int? Code { get; init; }
}

/// <summary>The part of <c>/v2/user/me</c> Notifier reads.</summary>
public sealed record KakaoUser
{
    [JsonPropertyName("id")] public long Id { get; init; }
    [JsonPropertyName("properties")] public KakaoUserProperties? Properties { get; init; }
    [JsonPropertyName("kakao_account")] public KakaoUserAccount? KakaoAccount { get; init; }

    /// <summary>The nickname from the profile, falling back to the legacy properties.</summary>
    public string? Nickname => KakaoAccount?.Profile?.Nickname ?? Properties?.Nickname;
}

public sealed record KakaoUserProperties
{
    [JsonPropertyName("nickname")] public string? Nickname { get; init; }
}

public sealed record KakaoUserAccount
{
    [JsonPropertyName("profile")] public KakaoUserProfile? Profile { get; init; }
}

public sealed record KakaoUserProfile
{
    [JsonPropertyName("nickname")] public string? Nickname { get; init; }
}

/// <summary>The answer of <c>/v1/user/access_token_info</c>.</summary>
public sealed record KakaoAccessTokenInfo
{
    [JsonPropertyName("id")] public long Id { get; init; }
    [JsonPropertyName("expires_in")] public long ExpiresIn { get; init; }
    [JsonPropertyName("app_id")] public long AppId { get; init; }
}

/// <summary>The form of the memo send: the template as a JSON string.</summary>
public sealed record KakaoMemoRequest
{
    [AliasAs("template_object")] public required string TemplateObject { get; init; }
}

/// <summary>The form of <c>/v2/api/talk/memo/send</c>: a console template and its arguments (a JSON object as a string).</summary>
public sealed record KakaoCustomMemoRequest
{
    [AliasAs("template_id")] public required long TemplateId { get; init; }
    [AliasAs("template_args")] public string? TemplateArgs { get; init; }
}

/// <summary>The form of <c>/v2/api/talk/memo/scrap/send</c>; a null field is left out of the form.</summary>
public sealed record KakaoScrapMemoRequest
{
    [AliasAs("request_url")] public required string RequestUrl { get; init; }
    [AliasAs("template_id")] public long? TemplateId { get; init; }
    [AliasAs("template_args")] public string? TemplateArgs { get; init; }
}

/// <summary>The answer of a memo send.</summary>
public sealed record KakaoMemoResult
{
    [JsonPropertyName("result_code")] public int ResultCode { get; init; }
}
