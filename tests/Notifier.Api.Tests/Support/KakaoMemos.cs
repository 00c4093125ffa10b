using System.Text.Json.Nodes;
using Notifier.Testing.Kakao;

namespace Notifier.Api.Tests.Support;

/// <summary>What the fake Kakao received as memos, compared as JSON (order of properties aside, exactly).</summary>
public static class KakaoMemos
{
    /// <summary>Kakao's link object for a URL, as Notifier renders it.</summary>
    public static JsonObject Link(string url) => new() { ["web_url"] = url, ["mobile_web_url"] = url };

    /// <summary>Asserts the user got exactly one memo, and that its template is <paramref name="expected"/>.</summary>
    public static void AssertSingleMemo(this KakaoFake kakao, long kakaoUserId, JsonNode expected)
    {
        var memo = Assert.Single(kakao.Memos, m => m.UserId == kakaoUserId);
        AssertJsonEqual(expected, memo.Template);
    }

    public static void AssertJsonEqual(JsonNode expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(expected, actual), $"Expected JSON\n{expected.ToJsonString()}\nbut got\n{actual?.ToJsonString()}");

    public static int MemoCount(this KakaoFake kakao, long kakaoUserId) => kakao.Memos.Count(m => m.UserId == kakaoUserId);
}
