namespace Notifier.Core.Deliveries;

/// <summary>Wakes this process's dispatcher as soon as something is enqueued here, instead of at its next poll.</summary>
public sealed class DispatchSignal : WakeSignal;
