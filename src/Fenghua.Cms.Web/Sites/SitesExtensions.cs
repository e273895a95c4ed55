namespace Fenghua.Cms.Web.Sites;

public static class SitesExtensions
{
    /// <summary>Resolves the site of each request (host name, then path prefix) before anything else reads data.</summary>
    public static IApplicationBuilder UseSites(this IApplicationBuilder app) => app.UseMiddleware<SiteResolutionMiddleware>();
}
