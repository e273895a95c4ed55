namespace Fenghua.Cms.Web.Sites;

public static class SitesExtensions
{
    public static IServiceCollection AddSites(this IServiceCollection services) => services.AddSingleton<SiteCatalog>();

    /// <summary>Resolves the site of each request (host name, then path prefix) before anything else reads data.</summary>
    public static IApplicationBuilder UseSites(this IApplicationBuilder app) => app.UseMiddleware<SiteResolutionMiddleware>();
}
