namespace Fenghua.Cms.Media;

/// <summary>Per-site media library: uploads checked by content, images through one replaceable engine.</summary>
public static class MediaModule
{
    public static IServiceCollection AddMedia(this IServiceCollection services, IConfiguration configuration) => services;

    public static WebApplication MapMedia(this WebApplication app) => app;
}
