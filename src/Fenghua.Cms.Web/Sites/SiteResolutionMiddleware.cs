using Fenghua.Cms.Core.Sites;
using Fenghua.Cms.Data.Sites;

namespace Fenghua.Cms.Web.Sites;

/// <summary>
/// Puts every request in its site: sets the scoped <see cref="SiteContext"/> (which filters all
/// queries) and moves a path prefix into PathBase, so /czj/zwgk is the column zwgk of 区财政局.
/// </summary>
public sealed class SiteResolutionMiddleware(RequestDelegate next, SiteCatalog catalog)
{
    public async Task InvokeAsync(HttpContext http, SiteContext siteContext)
    {
        var sites = await catalog.AllAsync(http.RequestAborted);
        var (site, prefix) = SiteCatalog.Resolve(sites, http.Request.Host.Host, http.Request.Path.Value ?? "/");
        if (site is null || !site.Enabled)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        siteContext.Enter(site);
        if (prefix.Length > 0)
        {
            var path = http.Request.Path.Value!;
            if (path.Length == prefix.Length)
            {
                // /czj → /czj/ so relative links in the theme resolve under the site.
                http.Response.Redirect(http.Request.PathBase + prefix + "/" + http.Request.QueryString, permanent: true);
                return;
            }
            http.Request.PathBase = http.Request.PathBase.Add(path[..prefix.Length]);
            http.Request.Path = path[prefix.Length..];
        }
        await next(http);
    }
}
