namespace Notifier.Core.Accounts;

/// <summary>Wakes this process's <see cref="UnlinkApplier"/> as soon as the webhook recorded an unlink.</summary>
public sealed class UnlinkSignal : WakeSignal;
