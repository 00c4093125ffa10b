using Notifier.Core;

namespace Notifier.Api.OwnerPages;

internal static class InviteLinks
{
    public const string PathPrefix = "/join/";

    /// <summary>The absolute link of an invite: under <c>Notifier:PublicUrl</c> when set, else the request's own origin.</summary>
    public static string For(HttpRequest request, NotifierOptions notifier, string token)
    {
        var origin = notifier.PublicUri is { } publicUri
            ? publicUri.GetLeftPart(UriPartial.Path).TrimEnd('/')
            : $"{request.Scheme}://{request.Host}{request.PathBase}";
        return origin + PathPrefix + token;
    }
}
