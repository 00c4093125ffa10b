namespace Notifier.Api.Hosting;

internal static class EndpointsBuiltOnce
{
    /// <summary>
    /// Puts every mapped endpoint source behind one <see cref="CompositeEndpointDataSource"/>, which builds the endpoints
    /// once and keeps them (it rebuilds only when a source signals a change). A minimal-API source builds every endpoint
    /// again, request delegate and all, each time it is asked; the host asks twice before the first answer (the
    /// authorization middleware's policy cache, then the router), so the start paid for ~80 request delegates twice
    /// (docs/decisions/0017). Call after the last <c>MapXxx</c>.
    /// </summary>
    public static void BuildEndpointsOnce(this IEndpointRouteBuilder routes)
    {
        var sources = routes.DataSources.ToList();
        routes.DataSources.Clear();
        routes.DataSources.Add(new CompositeEndpointDataSource(sources));
    }
}
