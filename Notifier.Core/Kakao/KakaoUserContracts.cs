using System.Text.Json.Serialization;

namespace Notifier.Core.Kakao;

/// <summary>The answer of <c>GET /v2/user/scopes</c>: every consent item of the app and whether the user agreed to it.</summary>
public sealed record KakaoScopes
{
    [JsonPropertyName("id")] public long Id { get; init; }
    [JsonPropertyName("scopes")] public IReadOnlyList<KakaoScope> Scopes { get; init; } = [];
}

public sealed record KakaoScope
{
    [JsonPropertyName("id")] public string Id { get; init; } = "";
    [JsonPropertyName("agreed")] public bool Agreed { get; init; }
    [JsonPropertyName("revocable")] public bool? Revocable { get; init; }
}

/// <summary>The answer of <c>POST /v1/user/unlink</c>: the user that was unlinked.</summary>
public sealed record KakaoUnlinkResult
{
    [JsonPropertyName("id")] public long Id { get; init; }
}
