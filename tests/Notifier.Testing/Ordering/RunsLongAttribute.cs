namespace Notifier.Testing.Ordering;

/// <summary>
/// Marks a test class (or a collection definition) that takes tens of seconds: one that starts processes of its own
/// (published hosts, Caddy, Alertmanager, a browser) or simulates long stretches. <see cref="LongClassesFirst"/> starts
/// these first, so the run does not end with one of them alone on an otherwise idle machine.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class RunsLongAttribute : Attribute;
