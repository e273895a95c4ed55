namespace Fenghua.Cms.Editorial;

/// <summary>Editorial work: sign-in, per-site roles, the admin, review workflow with checks, the REST API.</summary>
public static class EditorialModule
{
    public static IServiceCollection AddEditorial(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAuthentication();
        services.AddAuthorization();
        services.AddAntiforgery();
        return services;
    }

    public static WebApplication MapEditorial(this WebApplication app) => app;
}
