using System.Security;
using System.Text;
using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Data;
using Fenghua.Cms.Theming.Caching;
using Fenghua.Cms.Theming.Themes;
using Microsoft.EntityFrameworkCore;

namespace Fenghua.Cms.Theming.Public;

public static class PublicSiteEndpoints
{
    /// <summary>Themes, the public page model and the output cache for anonymous pages.</summary>
    public static IServiceCollection AddPublicSite(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ThemeRegistry>();
        services.AddSingleton<ThemeRenderer>();
        services.AddHostedService<ThemeFileWatcher>();
        services.AddScoped<PublicContentReader>();
        services.AddScoped<PublicPages>();
        services.AddSingleton<PublicPageCache>();
        services.AddSingleton<IContentObserver, OutputCacheEvictor>();
        var cacheEnabled = configuration.GetValue("Fenghua:OutputCache:Enabled", true);
        services.AddOutputCache(o =>
        {
            o.AddPolicy(PublicPageCachePolicy.Name, new PublicPageCachePolicy(cacheEnabled, TimeSpan.FromMinutes(10)));
            o.SizeLimit = 256L * 1024 * 1024;
        });
        return services;
    }

    /// <summary>Theme assets, home, columns, content pages, sitemap, robots and health.</summary>
    public static WebApplication MapPublicSite(this WebApplication app)
    {
        // ?mode=elder|normal on any page (module pages too) sets the elder-mode cookie and redirects back.
        app.UseElderModeSwitch();

        app.MapGet("/healthz", async (CmsDbContext db, CancellationToken ct) =>
            await db.Database.CanConnectAsync(ct) ? Results.Text("ok") : Results.Text("database unreachable", statusCode: 503));

        app.MapGet("/robots.txt", (HttpContext http) =>
            Results.Text($"User-agent: *\nDisallow: /admin/\nDisallow: /api/\nSitemap: {PublicPages.AbsoluteUrl(http, "sitemap.xml")}\n", "text/plain; charset=utf-8"))
            .CacheOutput(PublicPageCachePolicy.Name);

        app.MapGet("/sitemap.xml", async (HttpContext http, PublicContentReader reader, CancellationToken ct) =>
        {
            var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
            void Add(string path, DateTimeOffset? modified) => sb.Append("  <url><loc>").Append(SecurityElement.Escape(PublicPages.AbsoluteUrl(http, path))).Append("</loc>")
                .Append(modified is { } m ? $"<lastmod>{ShanghaiTime.ToLocal(m):yyyy-MM-ddTHH:mm:sszzz}</lastmod>" : "").Append("</url>\n");
            Add("", null);
            foreach (var c in await reader.ColumnsAsync(ct)) Add(c.Path, null);
            foreach (var (path, modified) in await reader.SitemapAsync(ct)) Add(path, modified);
            sb.Append("</urlset>\n");
            return Results.Content(sb.ToString(), "application/xml; charset=utf-8");
        }).CacheOutput(PublicPageCachePolicy.Name);

        // Per-site colours as a stylesheet, so the CSP can forbid inline styles.
        app.MapGet("/site-vars.css", (Core.Sites.SiteContext site) =>
        {
            var color = site.Site!.Settings.ThemeColor;
            var css = Core.Sites.SiteRules.IsColor(color) ? $":root{{--brand:{color};--brand-dark:color-mix(in srgb,{color} 75%,#000)}}\n" : "\n";
            return Results.Text(css, "text/css; charset=utf-8");
        }).CacheOutput(PublicPageCachePolicy.Name);

        app.MapGet("/", (HttpContext http, PublicPages pages, CancellationToken ct) => pages.HomeAsync(http, ct))
            .CacheOutput(PublicPageCachePolicy.Name);
        app.MapGet("/{**path}", (HttpContext http, string path, PublicPages pages, CancellationToken ct) => pages.PathAsync(http, path, ct))
            .CacheOutput(PublicPageCachePolicy.Name);
        return app;
    }
}
