using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Data.Recipes;
using Microsoft.Extensions.DependencyInjection;

namespace Fenghua.Cms.Data.Gazette;

public static class GazetteStoreServices
{
    /// <summary>The gazette's store side: PDF files, the writer and importer, the projection and the recipe step.</summary>
    public static IServiceCollection AddGazetteStore(this IServiceCollection services)
    {
        services.AddSingleton<GazettePdfStore>();
        services.AddScoped<GazetteArchiveWriter>();
        services.AddScoped<GazetteImporter>();
        services.AddScoped<IContentObserver, GazetteProjection>();
        services.AddScoped<IRecipeStep, GazetteRecipeStep>();
        return services;
    }
}
