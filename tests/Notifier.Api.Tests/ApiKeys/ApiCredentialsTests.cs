using System.Text;
using Microsoft.AspNetCore.Http;
using Notifier.Api.ApiKeys;

namespace Notifier.Api.Tests.ApiKeys;

/// <summary>Reading the key from each form ntfy's clients send, and refusing what is not one, without a host.</summary>
public sealed class ApiCredentialsTests
{
    private const string Key = "ntf_0123456789abcdefghijABCDEFGHIJ_-xyz";

    public static TheoryData<string?, string?> EveryForm() => new()
    {
        { "Bearer " + Key, null },
        { "bearer  " + Key + " ", null },
        { "Basic " + Base64("anyone:" + Key), null },
        { "Basic " + Base64(":" + Key), null },
        { null, Base64Url("Bearer " + Key) },
        { null, Base64("Bearer " + Key) },
        { null, Base64Url("Basic " + Base64("ntfy:" + Key)) },
    };

    [Theory]
    [MemberData(nameof(EveryForm))]
    public void EveryForm_YieldsTheKey(string? authorization, string? auth)
    {
        var presented = ApiCredentials.Read(Request(authorization, auth));

        Assert.Equal(Key, Assert.IsType<ApiCredentials.Presented.Key>(presented).Value);
    }

    [Theory]
    [InlineData("Basic", "hass-user", "hass-user")]
    [InlineData("Basic", "", "")]
    [InlineData("Bearer", null, null)]
    public void BasicCarriesItsUserName_BearerNone(string scheme, string? user, string? expected)
    {
        var authorization = scheme == "Basic" ? "Basic " + Base64(user + ":" + Key) : "Bearer " + Key;

        var presented = Assert.IsType<ApiCredentials.Presented.Key>(ApiCredentials.Read(Request(authorization, null)));

        Assert.Equal(Key, presented.Value);
        Assert.Equal(expected, presented.UserName);
    }

    public static TheoryData<string?, string?> Malformed() => new()
    {
        { "Bearer", null },
        { "Bearer ", null },
        { "Bearer two words", null },
        { "Basic", null },
        { "Basic !!!not-base64!!!", null },
        { "Basic " + Base64("no colon here"), null },
        { "Basic " + Base64("user:"), null },
        { "Basic " + Convert.ToBase64String([0xC3, 0x28, 0x3A, 0x41]), null },
        { "Token " + Key, null },
        { Key, null },
        { null, "" },
        { null, "%%%" },
        { null, Base64("Bearer") },
        { null, Base64(Key) },
        { "Bearer " + Key, Base64Url("Bearer " + Key) },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void MalformedCredentials_AreMalformed_AndTheReasonNeverRepeatsThem(string? authorization, string? auth)
    {
        var presented = ApiCredentials.Read(Request(authorization, auth));

        var why = Assert.IsType<ApiCredentials.Presented.Malformed>(presented).Why;
        Assert.DoesNotContain(Key, why, StringComparison.Ordinal);
        Assert.DoesNotContain("not-base64", why, StringComparison.Ordinal);
    }

    [Fact]
    public void NoCredentials_AreNone()
    {
        Assert.IsType<ApiCredentials.Presented.None>(ApiCredentials.Read(Request(null, null)));
    }

    [Fact]
    public void TwoAuthorizationHeaders_AreMalformed()
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Authorization = new Microsoft.Extensions.Primitives.StringValues(["Bearer " + Key, "Bearer " + Key]);

        Assert.IsType<ApiCredentials.Presented.Malformed>(ApiCredentials.Read(context.Request));
    }

    private static HttpRequest Request(string? authorization, string? auth)
    {
        var context = new DefaultHttpContext();
        if (authorization is not null)
        {
            context.Request.Headers.Authorization = authorization;
        }

        if (auth is not null)
        {
            context.Request.QueryString = QueryString.Create(ApiCredentials.QueryParameter, auth);
        }

        return context.Request;
    }

    public static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    public static string Base64Url(string text) => System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));
}
