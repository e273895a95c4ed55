namespace Fenghua.Cms.Gazette;

/// <summary>The government gazette archive (政府公报): issues, articles, browsing, API, open data, import.</summary>
public static class GazetteModule
{
    public static IServiceCollection AddGazette(this IServiceCollection services, IConfiguration configuration) => services;

    public static WebApplication MapGazette(this WebApplication app) => app;
}
