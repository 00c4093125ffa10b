using System.Text.Json.Serialization;

namespace Notifier.Core.Kakao;

/// <summary>Source-generated JSON metadata for every body exchanged with Kakao.</summary>
[JsonSerializable(typeof(KakaoTokenResponse))]
[JsonSerializable(typeof(KakaoAuthErrorBody))]
[JsonSerializable(typeof(KakaoApiErrorBody))]
[JsonSerializable(typeof(KakaoUser))]
[JsonSerializable(typeof(KakaoAccessTokenInfo))]
[JsonSerializable(typeof(KakaoMemoResult))]
[JsonSerializable(typeof(KakaoScopes))]
[JsonSerializable(typeof(KakaoUnlinkResult))]
[JsonSerializable(typeof(KakaoTokenRequest))]
[JsonSerializable(typeof(KakaoMemoRequest))]
[JsonSerializable(typeof(KakaoCustomMemoRequest))]
[JsonSerializable(typeof(KakaoScrapMemoRequest))]
public sealed partial class KakaoJsonContext : JsonSerializerContext;
