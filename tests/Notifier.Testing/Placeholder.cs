namespace Notifier.Testing; internal static class Placeholder;
