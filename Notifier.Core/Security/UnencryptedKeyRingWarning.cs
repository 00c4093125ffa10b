using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Notifier.Core.Security;

/// <summary>Says once, at start, that the key ring is stored unencrypted, and what to set.</summary>
internal sealed partial class UnencryptedKeyRingWarning(ILogger<UnencryptedKeyRingWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogUnencrypted(logger);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Warning, "The Data Protection key ring is stored unencrypted in the database: a copy of the database yields every Kakao token " +
        "and can sign owner cookies. Set DataProtection:KeyEncryptionKey (openssl rand -base64 32) or DataProtection:CertificatePath.")]
    private static partial void LogUnencrypted(ILogger logger);
}
