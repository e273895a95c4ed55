using System.Threading.RateLimiting;
using Fenghua.Cms.Core.Security;
using Fenghua.Cms.Data.Editorial;
using Fenghua.Cms.Data.Identity;
using Fenghua.Cms.Editorial.Admin;
using Fenghua.Cms.Editorial.Api;
using Fenghua.Cms.Editorial.Checks;
using Fenghua.Cms.Editorial.Review;
using Fenghua.Cms.Editorial.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace Fenghua.Cms.Editorial;

/// <summary>Editorial work: sign-in, per-site roles, the admin, review workflow with checks, the REST API.</summary>
public static class EditorialModule
{
    public const string LoginRateLimit = "admin-login";

    public static IServiceCollection AddEditorial(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Fenghua:Editorial").Get<EditorialOptions>() ?? new EditorialOptions();
        services.AddSingleton(options);

        // Identity core and its EF stores come from AddCmsData; the web adds cookies, sign-in and the password list.
        new IdentityBuilder(typeof(CmsUser), services).AddSignInManager().AddDefaultTokenProviders().AddPasswordValidator<CommonPasswordValidator>();
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, null)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/admin/login";
            o.LogoutPath = "/admin/logout";
            o.AccessDeniedPath = "/admin/denied";
            o.ExpireTimeSpan = TimeSpan.FromMinutes(options.IdleTimeoutMinutes);
            o.SlidingExpiration = true;
            o.Cookie.Name = "fenghua.admin";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // One cookie for the admin of every site, whether under /czj or a host name.
            o.Cookie.Path = "/";
            o.Cookie.IsEssential = true;
        });
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(5));
        services.AddAuthorization();
        services.AddAntiforgery(o => { o.Cookie.Name = "fenghua.af"; o.Cookie.Path = "/"; o.FormFieldName = "__af"; });
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, ct) =>
            {
                var response = context.HttpContext.Response;
                response.Headers.RetryAfter = "60";
                response.ContentType = "text/plain; charset=utf-8";
                return new ValueTask(response.WriteAsync($"登录尝试过于频繁：每个地址每分钟最多 {options.LoginAttemptsPerMinute} 次，请一分钟后再试。", ct));
            };
            o.AddPolicy(LoginRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, options.LoginAttemptsPerMinute), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });

        services.AddScoped<SitePermissions>();
        services.AddScoped<ISitePermissions>(sp => sp.GetRequiredService<SitePermissions>());
        services.AddScoped<PrePublicationChecks>();
        services.AddSingleton<AdminLinks>();
        services.AddScoped<ReviewNotifier>();
        services.AddScoped<EditorialWorkflow>();
        services.AddScoped<ContentQuery>();
        services.AddScoped<Columns.ColumnEditor>();
        services.AddScoped<ContentBulkActions>();
        services.AddScoped<AccountStewardship>();
        services.AddScoped<SignInService>();
        services.AddSingleton<PreviewLinks>();
        services.AddSingleton<ScheduledJobRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<ScheduledJobRunner>());

        foreach (var item in new AdminMenuItem[]
                 {
                     new("/admin", "工作台", 0), new("/admin/content", "稿件", 10), new("/admin/columns", "栏目", 20, Permission.ManageColumns),
                     new("/admin/settings", "审查设置", 60, Permission.ManageSite), new("/admin/users", "用户与角色", 70, Permission.ManageUsers),
                     new("/admin/sites", "站群", 80, DistrictOnly: true), new("/admin/audit", "审计日志", 90, Permission.ViewAudit),
                     new("/admin/2fa", "两步验证", 100),
                 })
            services.AddSingleton(item);
        return services;
    }

    public static WebApplication MapEditorial(this WebApplication app)
    {
        // Runs after routing (this is called after UseRouting), so the login endpoint's policy applies.
        app.UseRateLimiter();
        ContentApi.Map(app);
        AdminEndpoints.Map(app);
        return app;
    }
}
