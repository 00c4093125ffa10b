using Microsoft.AspNetCore.DataProtection;

namespace Notifier.Core.Integrations;

/// <summary>Encrypts a topic's GitHub webhook secret at rest (the same key ring as the Kakao tokens) and reads it back.</summary>
public sealed class TopicSecrets(IDataProtectionProvider dataProtection)
{
    private readonly IDataProtector _protector = dataProtection.CreateProtector("Notifier.Topics.GitHubSecret.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string cipher) => _protector.Unprotect(cipher);
}
