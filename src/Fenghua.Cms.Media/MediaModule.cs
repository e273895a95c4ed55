using Fenghua.Cms.Editorial.Admin;
using Fenghua.Cms.Media.Admin;
using Fenghua.Cms.Media.Detection;
using Fenghua.Cms.Media.Http;
using Fenghua.Cms.Media.Imaging;

namespace Fenghua.Cms.Media;

/// <summary>Per-site media library: uploads checked by content, images through one replaceable engine, its admin page and the editor's picker.</summary>
public static class MediaModule
{
    public static IServiceCollection AddMedia(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Fenghua:Media");
        var options = section.Get<MediaOptions>() ?? new MediaOptions();
        // A list from configuration replaces the default widths instead of being appended to them.
        var widths = section["Widths"] is { Length: > 0 } typed
            ? typed.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(int.Parse).ToArray()
            : section.GetSection("Widths").GetChildren().Select(c => int.Parse(c.Value!)).ToArray();
        options.Widths = (widths.Length > 0 ? widths : MediaOptions.DefaultWidths).Where(w => w is > 0 and <= 10_000).Distinct().Order().ToArray();

        services.AddSingleton(options);
        services.AddSingleton<MediaStore>();
        services.AddSingleton<ZipInspector>();
        services.AddSingleton<MediaSniffer>();
        services.AddSingleton<IImageEngine, ImageSharpEngine>();
        services.AddScoped<MediaReferences>();
        services.AddScoped<MediaFolders>();
        services.AddScoped<MediaLibrary>();
        services.AddScoped<IContentEditorPanel, MediaPickerPanel>();
        services.AddSingleton(new AdminMenuItem("/admin/media", "媒体库", 30, Core.Security.Permission.ManageMedia));
        return services;
    }

    public static WebApplication MapMedia(this WebApplication app)
    {
        MediaFileEndpoints.Map(app);
        MediaApi.Map(app);
        MediaAdminEndpoints.Map(app);
        return app;
    }
}
