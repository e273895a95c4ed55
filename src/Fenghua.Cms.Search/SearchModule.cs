using Fenghua.Cms.Core;
using Fenghua.Cms.Search.Hosting;
using Fenghua.Cms.Search.Web;
using Microsoft.Extensions.Logging;

namespace Fenghua.Cms.Search;

/// <summary>Search across the site group: the node's Lucene index fed from the outbox, /search pages and /api/search.</summary>
public static class SearchModule
{
    /// <summary>Index folder setting; default {Fenghua:DataPath}/search. Nodes sharing a data folder need one each.</summary>
    public const string IndexPathSetting = "Fenghua:Search:IndexPath";

    public static IServiceCollection AddSearch(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSearchIndex(configuration);
        services.AddHostedService<SearchIndexFollower>();
        services.AddScoped<SearchRequestReader>();
        return services;
    }

    /// <summary>The index host alone (the CLI opens the same folder without following the outbox).</summary>
    public static IServiceCollection AddSearchIndex(this IServiceCollection services, IConfiguration configuration)
    {
        var configured = configuration[IndexPathSetting];
        services.AddSingleton(sp => new SearchIndexHost(
            Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? Path.Combine(sp.GetRequiredService<ProductPaths>().DataPath, "search") : configured),
            sp.GetRequiredService<IServiceScopeFactory>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<SearchIndexHost>>()));
        return services;
    }

    public static WebApplication MapSearch(this WebApplication app)
    {
        SearchEndpoints.Map(app);
        return app;
    }
}
