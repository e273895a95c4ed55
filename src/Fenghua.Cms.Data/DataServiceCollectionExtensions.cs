using Fenghua.Cms.Core;
using Fenghua.Cms.Core.Recipes;
using Fenghua.Cms.Core.Sites;
using Fenghua.Cms.Data.Audit;
using Fenghua.Cms.Data.Content;
using Fenghua.Cms.Data.Identity;
using Fenghua.Cms.Data.Recipes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Fenghua.Cms.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>The store (SQLite or PostgreSQL by configuration), content services, recipes and the installer.</summary>
    public static IServiceCollection AddCmsData(this IServiceCollection services, IConfiguration configuration, ProductPaths paths)
    {
        var options = configuration.GetSection("Fenghua:Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        options.ConnectionString ??= configuration.GetConnectionString("Fenghua");
        services.AddSingleton(options);
        services.AddSingleton(paths);
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<SiteContext>();

        if (options.IsPostgres)
        {
            if (string.IsNullOrWhiteSpace(options.ConnectionString))
                throw new InvalidOperationException("Fenghua:Database:Provider 为 PostgreSQL 时必须配置 ConnectionStrings:Fenghua。");
            services.AddDbContext<PostgresCmsDbContext>(o => o.UseNpgsql(options.ConnectionString));
            services.AddScoped<CmsDbContext>(sp => sp.GetRequiredService<PostgresCmsDbContext>());
        }
        else
        {
            Directory.CreateDirectory(paths.DataPath);
            var cs = options.ConnectionString ?? $"Data Source={Path.Combine(paths.DataPath, "fenghua.db")};Default Timeout=30";
            services.AddDbContext<SqliteCmsDbContext>(o => o.UseSqlite(cs));
            services.AddScoped<CmsDbContext>(sp => sp.GetRequiredService<SqliteCmsDbContext>());
        }

        services.AddIdentityCore<CmsUser>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<CmsDbContext>();

        services.AddSingleton<AuditLog>();
        services.AddSingleton(configuration.GetSection("Fenghua:Audit").Get<AuditOptions>() ?? new AuditOptions());
        services.AddSingleton<AuditPruner>();
        services.AddScoped<ContentService>();
        services.AddSingleton(new RecipeSource(paths.RecipesPath));
        services.AddScoped<RecipeRunner>();
        services.AddScoped<IRecipeStep, ContentTypesStep>();
        services.AddScoped<IRecipeStep, SiteStep>();
        services.AddScoped<IRecipeStep, ColumnsStep>();
        services.AddScoped<IRecipeStep, ContentStep>();
        services.AddScoped<Installer>();
        // The default recipe includes the gazette's: its recipe step and projection belong to the store.
        Gazette.GazetteStoreServices.AddGazetteStore(services);
        services.AddSingleton<Sites.SiteCatalog>();
        services.AddSingleton<Outbox.OutboxSignal>();
        services.AddSingleton<Outbox.OutboxPump>();
        services.AddHostedService(sp => sp.GetRequiredService<Outbox.OutboxPump>());
        return services;
    }
}
