namespace Fenghua.Cms.Syndication;

/// <summary>Feeds, WeChat/Weibo-style channels and sharing between sites.</summary>
public static class SyndicationModule
{
    public static IServiceCollection AddSyndication(this IServiceCollection services, IConfiguration configuration) => services;

    public static WebApplication MapSyndication(this WebApplication app) => app;
}
