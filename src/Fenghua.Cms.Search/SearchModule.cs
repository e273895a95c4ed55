namespace Fenghua.Cms.Search;

/// <summary>Search across the site group: the node's Lucene index fed from the outbox, /search pages and /api/search.</summary>
public static class SearchModule
{
    public static IServiceCollection AddSearch(this IServiceCollection services, IConfiguration configuration) => services;

    public static WebApplication MapSearch(this WebApplication app) => app;
}
