using Microsoft.Extensions.FileProviders;

namespace Fenghua.Cms.Theming.Themes;

public static class ThemeAssets
{
    /// <summary>Serves each theme's assets/ folder at /themes/&lt;Name&gt;/assets — never its templates.</summary>
    public static IApplicationBuilder UseThemeAssets(this IApplicationBuilder app)
    {
        var themes = app.ApplicationServices.GetRequiredService<ThemeRegistry>();
        foreach (var theme in themes.All)
        {
            var assets = Path.Combine(themes.Root, theme.Name, "assets");
            if (!Directory.Exists(assets)) continue;
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new PhysicalFileProvider(assets),
                RequestPath = $"/themes/{theme.Name}/assets",
                OnPrepareResponse = r => r.Context.Response.Headers.CacheControl = "public,max-age=3600",
            });
        }
        return app;
    }
}
