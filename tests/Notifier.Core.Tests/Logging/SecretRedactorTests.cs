using Notifier.Core.Logging;

namespace Notifier.Core.Tests.Logging;

public sealed class SecretRedactorTests
{
    [Theory]
    [InlineData("?code=abc123&state=xyz", "?code=***&state=***")]
    [InlineData("grant_type=refresh_token&refresh_token=r-1&client_secret=s", "grant_type=refresh_token&refresh_token=***&client_secret=***")]
    [InlineData("""{"access_token":"a-1","expires_in":5}""", """{"access_token":"***","expires_in":5}""")]
    [InlineData("Authorization: Bearer eyJhbGciOi.x-y", "Authorization: Bearer ***")]
    [InlineData("Authorization: KakaoAK admin-key", "Authorization: KakaoAK ***")]
    [InlineData("Authorization: Basic dXNlcjpudGZfc2VjcmV0", "Authorization: Basic ***")]
    [InlineData("Basic setup is done", "Basic setup is done")]
    [InlineData("GET /api/messages?auth=QmVhcmVyIHNlY3JldA&since=1", "GET /api/messages?auth=***&since=1")]
    [InlineData("key ntf_AbCdEfGh12_-34 was used", "key ntf_*** was used")]
    [InlineData("result_code=0 error_code=KOE320", "result_code=0 error_code=KOE320")]
    [InlineData("GET /auth/kakao/callback responded 302", "GET /auth/kakao/callback responded 302")]
    [InlineData("HTTP GET /join/Xq3_vB-9aZ responded 302", "HTTP GET /join/*** responded 302")]
    [InlineData("https://notifier.example.com/join/Xq3_vB-9aZ", "https://notifier.example.com/join/***")]
    [InlineData("GET /m/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde responded 200", "GET /m/*** responded 200")]
    [InlineData("GET /r/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde responded 302", "GET /r/*** responded 302")]
    [InlineData("POST /m/short responded 400", "POST /m/short responded 400")]
    public void Redact_MasksSecretsOnly(string input, string expected) =>
        Assert.Equal(expected, SecretRedactor.Redact(input));
}
