using System.Reflection;
using Fenghua.Cms.Core;
using Fenghua.Cms.Core.Security;
using Fenghua.Cms.Core.Sites;
using Fenghua.Cms.Editorial.Review;
using Fenghua.Cms.Editorial.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace Fenghua.Cms.Editorial.Admin;

/// <summary>
/// /admin (and /czj/admin... for a sub-site): server-rendered pages. The site of the URL is the site being
/// worked on; an item is always checked against its own site.
/// </summary>
public static class AdminEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/admin/assets/{file}", (string file) => Asset(file)).AllowAnonymous();
        app.MapGet("/admin/login", LoginPages.Form).AllowAnonymous();
        app.MapPost("/admin/login", LoginPages.SubmitAsync).AllowAnonymous().RequireRateLimiting(EditorialModule.LoginRateLimit);
        app.MapPost("/admin/logout", LoginPages.LogoutAsync).AllowAnonymous();
        app.MapGet("/admin/login/2fa", TwoFactorPages.CodeForm).AllowAnonymous();
        app.MapPost("/admin/login/2fa", TwoFactorPages.VerifyAsync).AllowAnonymous().RequireRateLimiting(EditorialModule.LoginRateLimit);
        app.MapGet("/admin/denied", (HttpContext http) => AdminHtml.Page(http, "无权访问", "<p>您没有访问此页面的权限。</p>", 403)).AllowAnonymous();
        app.MapGet("/admin/preview/{token}", PreviewPage.ShowAsync).AllowAnonymous();

        var admin = Group(app);
        admin.MapGet("", DashboardPage.ShowAsync);
        admin.MapGet("/content", ContentListPage.ShowAsync);
        admin.MapPost("/content/bulk", ContentListPage.BulkAsync);
        admin.MapGet("/content/new", EditorPages.NewAsync);
        admin.MapPost("/content/new", EditorPages.CreateAsync);
        admin.MapGet("/content/{id:int}", EditorPages.EditAsync);
        admin.MapPost("/content/{id:int}", EditorPages.SaveAsync);
        admin.MapPost("/content/{id:int}/autosave", EditorPages.AutosaveAsync);
        admin.MapGet("/content/{id:int}/do/{action}", EditorPages.ConfirmAsync);
        admin.MapPost("/content/{id:int}/do/{action}", EditorPages.ActAsync);
        admin.MapGet("/content/{id:int}/history", HistoryPage.ShowAsync);
        admin.MapGet("/content/{id:int}/preview", PreviewPage.LinkAsync);
        admin.MapPost("/markdown-preview", PreviewPage.MarkdownAsync);
        admin.MapGet("/settings", SettingsPage.ShowAsync);
        admin.MapPost("/settings", SettingsPage.SaveAsync);
        admin.MapGet("/users", UsersPage.ShowAsync);
        admin.MapPost("/users", UsersPage.CreateAsync);
        admin.MapPost("/users/roles", UsersPage.ChangeRoleAsync);
        admin.MapGet("/users/{id}/disable", UsersPage.ConfirmDisableAsync);
        admin.MapPost("/users/{id}/disable", UsersPage.DisableAsync);
        admin.MapPost("/users/{id}/enable", UsersPage.EnableAsync);
        admin.MapPost("/users/{id}/password", UsersPage.ResetPasswordAsync);
        ColumnsPage.Map(admin);
        admin.MapGet("/sites", SitesPage.ShowAsync);
        admin.MapPost("/sites", SitesPage.CreateAsync);
        admin.MapGet("/sites/{key}", SitesPage.EditAsync);
        admin.MapPost("/sites/{key}", SitesPage.UpdateAsync);
        admin.MapGet("/2fa", TwoFactorPages.ShowAsync);
        admin.MapPost("/2fa", TwoFactorPages.EnableAsync);
        admin.MapGet("/audit", AuditPages.ShowAsync);
        admin.MapGet("/audit.csv", AuditPages.CsvAsync);
    }

    /// <summary>
    /// The /admin route group: signed-in users only (cookie, never an API token), with permission and not-found
    /// errors shown as admin pages. Feature modules map their admin pages on a group of their own from here.
    /// </summary>
    public static RouteGroupBuilder Group(IEndpointRouteBuilder app) =>
        app.MapGroup("/admin").RequireAuthorization(new Microsoft.AspNetCore.Authorization.AuthorizeAttribute { AuthenticationSchemes = IdentityConstants.ApplicationScheme })
            .AddEndpointFilter(async (ctx, next) =>
            {
                // Minimal APIs check the antiforgery token only for handlers that bind a form; a POST that reads
                // nothing (delete, retry, enable…) would otherwise go unchecked. Every admin change needs it.
                var http = ctx.HttpContext;
                if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)
                    && !await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
                    return AdminHtml.Page(http, "请求无效", "<p>缺少或无效的防伪令牌：表单可能已过期，或请求并非来自本后台。请返回上一页、刷新后重试。</p>", 400);
                await AdminMenu.ResolveAsync(http);
                try { return await next(ctx); }
                catch (ForbiddenException e) { return AdminHtml.Page(ctx.HttpContext, "无权操作", $"<p>{AdminHtml.H(e.Message)}</p>", 403); }
                catch (NotFoundException e) { return AdminHtml.Page(ctx.HttpContext, "不存在", $"<p>{AdminHtml.H(e.Message)}</p>", 404); }
            });

    /// <summary>The site of the URL, after checking the user may do <paramref name="permission"/> there.</summary>
    public static async Task<Site> SiteAsync(HttpContext http, Permission permission)
    {
        var site = http.RequestServices.GetRequiredService<SiteContext>().Site!;
        var permissions = http.RequestServices.GetRequiredService<SitePermissions>();
        if (await permissions.MissingTwoFactorAsync(http.User, site.Id, http.RequestAborted))
            throw new ForbiddenException($"“{site.Name}”要求两步验证：请先在 {AdminHtml.Base(http)}/admin/2fa 启用。");
        if (!await permissions.HasAsync(http.User, site.Id, permission, http.RequestAborted))
            throw new ForbiddenException($"您在“{site.Name}”没有“{PermissionNames.Of(permission)}”权限。");
        return site;
    }

    public static Core.Audit.Actor Actor(HttpContext http) => Api.ApiRequest.Actor(http);

    public static List<(string Field, string Message)> ErrorsOf(Exception e) => e switch
    {
        ValidationException v => v.Errors.Select(x => (x.Field, x.Message)).ToList(),
        ChecksBlockedException c => [("checks", c.Message), .. c.Findings.Where(f => f.Severity != Checks.CheckSeverity.Warning).Select(f => (f.Field, f.Message))],
        _ => [("", e.Message)],
    };

    private static IResult Asset(string file)
    {
        var type = file switch { "admin.css" => "text/css", "admin.js" => "text/javascript", _ => null };
        if (type is null) return Results.NotFound();
        var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Fenghua.Cms.Editorial.Assets." + file);
        return stream is null ? Results.NotFound() : Results.Stream(stream, type + "; charset=utf-8");
    }
}
