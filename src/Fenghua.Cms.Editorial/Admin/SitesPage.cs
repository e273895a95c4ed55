using System.Text;
using Fenghua.Cms.Core;
using Fenghua.Cms.Core.Recipes;
using Fenghua.Cms.Core.Sites;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Audit;
using Fenghua.Cms.Data.Recipes;
using Fenghua.Cms.Data.Sites;
using Fenghua.Cms.Editorial.Review;
using Fenghua.Cms.Editorial.Security;
using Fenghua.Cms.Theming.Themes;
using Microsoft.EntityFrameworkCore;
using static Fenghua.Cms.Editorial.Admin.AdminHtml;

namespace Fenghua.Cms.Editorial.Admin;

/// <summary>站群管理 for district administrators: create a site from a recipe, enable/disable, host names, prefix, theme, identification settings.</summary>
public static class SitesPage
{
    public static readonly string[] SiteRecipes = ["department-site"];

    public static async Task<IResult> ShowAsync(HttpContext http, CmsDbContext db, SitePermissions permissions, ThemeRegistry themes, string? msg)
    {
        await RequireDistrictAsync(http, permissions);
        return await RenderAsync(http, db, themes, Notice(msg), null, 200);
    }

    public static async Task<IResult> CreateAsync(HttpContext http, CmsDbContext db, SitePermissions permissions, ThemeRegistry themes, RecipeRunner recipes, SiteCatalog catalog, IFormCollection form)
    {
        await RequireDistrictAsync(http, permissions);
        var recipe = form["recipe"].ToString();
        var key = form["key"].ToString().Trim();
        var name = form["name"].ToString().Trim();
        var path = SiteRules.NormalizePrefix(form["path"]);
        var probe = new Site { Key = key, Name = name, PathPrefix = path };
        var errors = SiteRules.Validate(probe).Select(e => (e.Field, e.Message)).ToList();
        if (!SiteRecipes.Contains(recipe)) errors.Add(("recipe", $"配方“{recipe}”不能用于新建站点。"));
        if (path.Length == 0) errors.Add(("path", "新站点须有路径前缀，如 /jyj。"));
        if (await db.Sites.AnyAsync(s => s.Key == key || path.Length > 0 && s.PathPrefix == path, http.RequestAborted))
            errors.Add(("key", $"站点标识“{key}”或路径前缀“{path}”已被使用。"));
        if (errors.Count > 0) return await RenderAsync(http, db, themes, Errors(errors), form, 400);
        try
        {
            await recipes.RunAsync(recipe, new Dictionary<string, string> { ["key"] = key, ["name"] = name, ["path"] = path }, AdminEndpoints.Actor(http), http.RequestAborted);
        }
        catch (Exception e) when (e is RecipeException or ValidationException)
        {
            return await RenderAsync(http, db, themes, Errors([("recipe", e.Message)]), form, 400);
        }
        catalog.Invalidate();
        return Results.Redirect($"{Base(http)}/admin/sites?msg={Uri.EscapeDataString($"已用配方 {recipe} 新建站点 {name}（{path}）。")}");
    }

    public static async Task<IResult> UpdateAsync(string key, HttpContext http, CmsDbContext db, SitePermissions permissions, ThemeRegistry themes, AuditLog audit, SiteCatalog catalog, IFormCollection form)
    {
        await RequireDistrictAsync(http, permissions);
        var site = await db.Sites.FirstOrDefaultAsync(s => s.Key == key, http.RequestAborted) ?? throw new NotFoundException($"站点“{key}”不存在。");
        var before = Describe(site);
        site.Name = form["name"].ToString().Trim();
        site.Enabled = form["enabled"] == "on";
        site.HostNames = form["hostNames"].ToString().Split([',', '，', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(h => h.ToLowerInvariant()).Distinct().ToList();
        if (site.PathPrefix.Length > 0 || form["path"].ToString().Length > 0) site.PathPrefix = SiteRules.NormalizePrefix(form["path"]);
        site.Theme = form["theme"].ToString();
        site.Settings.SiteIdCode = form["siteIdCode"].ToString().Trim();
        site.Settings.Organiser = form["organiser"].ToString().Trim();
        site.Settings.ContactPhone = form["contactPhone"].ToString().Trim();
        var errors = SiteRules.Validate(site).Select(e => (e.Field, e.Message)).ToList();
        if (!themes.All.Any(t => t.Name == site.Theme)) errors.Add(("theme", $"主题“{site.Theme}”不存在。"));
        if (site.Key == "portal" && !site.Enabled) errors.Add(("enabled", "门户网站不能停用。"));
        if (await db.Sites.AnyAsync(s => s.Id != site.Id && s.PathPrefix == site.PathPrefix && site.PathPrefix != "", http.RequestAborted))
            errors.Add(("path", $"路径前缀“{site.PathPrefix}”已被其他站点使用。"));
        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            return await RenderAsync(http, db, themes, Errors(errors), form, 400);
        }
        await audit.AppendAsync(db, AdminEndpoints.Actor(http), "site.update", $"site:{site.Key}", site.Id, $"{before} → {Describe(site)}", http.RequestAborted);
        db.Outbox.Add(new Core.Outbox.OutboxMessage { Kind = Core.Outbox.OutboxKinds.SiteChanged, SiteId = site.Id, CreatedUtc = DateTimeOffset.UtcNow, Payload = $"{{\"key\":\"{site.Key}\"}}" });
        await db.SaveChangesAsync(http.RequestAborted);
        catalog.Invalidate();
        return Results.Redirect($"{Base(http)}/admin/sites?msg={Uri.EscapeDataString($"已保存站点 {site.Name}。")}");
    }

    private static string Describe(Site s) =>
        $"{s.Name} {(s.Enabled ? "启用" : "停用")} {s.PathPrefix} [{string.Join(",", s.HostNames)}] {s.Theme} {s.Settings.SiteIdCode}";

    private static async Task RequireDistrictAsync(HttpContext http, SitePermissions permissions)
    {
        if (!await permissions.IsDistrictAdministratorAsync(http.User, http.RequestAborted))
            throw new ForbiddenException("只有区级管理员可以管理站群。");
    }

    private static async Task<IResult> RenderAsync(HttpContext http, CmsDbContext db, ThemeRegistry themes, string top, IFormCollection? typed, int status)
    {
        var sites = await db.Sites.AsNoTracking().OrderBy(s => s.Id).ToListAsync(http.RequestAborted);
        var themeOptions = themes.All.Select(t => (t.Name, t.Name)).ToList();
        var b = H(Base(http));
        var sb = new StringBuilder(top);
        sb.Append("<table class=\"list\"><thead><tr><th>标识</th><th>名称</th><th>启用</th><th>路径前缀</th><th>域名（逗号分隔）</th><th>主题</th><th>网站标识码</th><th>主办单位</th><th>联系电话</th><th></th></tr></thead><tbody>");
        foreach (var s in sites)
        {
            var f = $"site-{H(s.Key)}";
            sb.Append($"<tr><td>{H(s.Key)}<form id=\"{f}\" method=\"post\" action=\"{b}/admin/sites/{H(s.Key)}\">{Antiforgery(http)}</form></td>");
            sb.Append($"<td><input form=\"{f}\" name=\"name\" value=\"{H(s.Name)}\" aria-label=\"{H(s.Key)} 名称\"></td>");
            sb.Append($"<td><input form=\"{f}\" type=\"checkbox\" name=\"enabled\"{(s.Enabled ? " checked" : "")} aria-label=\"{H(s.Key)} 启用\"></td>");
            sb.Append($"<td><input form=\"{f}\" name=\"path\" value=\"{H(s.PathPrefix)}\" size=\"6\" aria-label=\"{H(s.Key)} 路径前缀\"></td>");
            sb.Append($"<td><input form=\"{f}\" name=\"hostNames\" value=\"{H(string.Join(",", s.HostNames))}\" aria-label=\"{H(s.Key)} 域名\"></td>");
            sb.Append($"<td><select form=\"{f}\" name=\"theme\" aria-label=\"{H(s.Key)} 主题\">{Options(themeOptions, s.Theme)}</select></td>");
            sb.Append($"<td><input form=\"{f}\" name=\"siteIdCode\" value=\"{H(s.Settings.SiteIdCode)}\" size=\"10\" aria-label=\"{H(s.Key)} 网站标识码\"></td>");
            sb.Append($"<td><input form=\"{f}\" name=\"organiser\" value=\"{H(s.Settings.Organiser)}\" aria-label=\"{H(s.Key)} 主办单位\"></td>");
            sb.Append($"<td><input form=\"{f}\" name=\"contactPhone\" value=\"{H(s.Settings.ContactPhone)}\" size=\"12\" aria-label=\"{H(s.Key)} 联系电话\"></td>");
            sb.Append($"<td><button form=\"{f}\" type=\"submit\">保存</button></td></tr>");
        }
        sb.Append("</tbody></table><h2>用配方新建站点</h2>");
        sb.Append($"<form method=\"post\" action=\"{b}/admin/sites\" class=\"filters create-site\">{Antiforgery(http)}");
        sb.Append($"<label>配方 <select name=\"recipe\">{Options(SiteRecipes.Select(r => (r, r)), typed?["recipe"])}</select></label>");
        sb.Append($"<label>标识 <input name=\"key\" value=\"{H(typed?["key"])}\" placeholder=\"jyj\"></label>");
        sb.Append($"<label>名称 <input name=\"name\" value=\"{H(typed?["name"])}\" placeholder=\"宁波市奉化区教育局\"></label>");
        sb.Append($"<label>路径前缀 <input name=\"path\" value=\"{H(typed?["path"])}\" placeholder=\"/jyj\"></label>");
        sb.Append("<button type=\"submit\">新建</button></form>");
        return Page(http, "站群管理", sb.ToString(), status);
    }
}
