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
using Fenghua.Cms.Theming.Caching;
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

    public static async Task<IResult> EditAsync(string key, HttpContext http, CmsDbContext db, SitePermissions permissions, ThemeRegistry themes, string? msg)
    {
        await RequireDistrictAsync(http, permissions);
        var site = await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Key == key, http.RequestAborted) ?? throw new NotFoundException($"站点“{key}”不存在。");
        return EditPage(http, themes, site, Notice(msg), [], 200);
    }

    public static async Task<IResult> UpdateAsync(string key, HttpContext http, CmsDbContext db, SitePermissions permissions, ThemeRegistry themes, AuditLog audit, SiteCatalog catalog, PublicPageCache pages, IFormCollection form)
    {
        await RequireDistrictAsync(http, permissions);
        var site = await db.Sites.FirstOrDefaultAsync(s => s.Key == key, http.RequestAborted) ?? throw new NotFoundException($"站点“{key}”不存在。");
        var before = Describe(site);
        site.Name = form["name"].ToString().Trim();
        site.Enabled = form["enabled"] == "on";
        site.HostNames = form["hostNames"].ToString().Split([',', '，', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(h => h.ToLowerInvariant()).Distinct().ToList();
        if (site.PathPrefix.Length > 0 || form["path"].ToString().Length > 0) site.PathPrefix = SiteRules.NormalizePrefix(form["path"]);
        site.Theme = form["theme"].ToString();
        foreach (var (name, _, _) in SettingFields)
            if (form.ContainsKey("settings." + name)) SetSetting(site.Settings, name, form["settings." + name].ToString().Trim());
        var errors = SiteRules.Validate(site).Select(e => (e.Field, e.Message)).ToList();
        if (!themes.All.Any(t => t.Name == site.Theme)) errors.Add(("theme", $"主题“{site.Theme}”不存在。"));
        if (site.Key == "portal" && !site.Enabled) errors.Add(("enabled", "门户网站不能停用。"));
        if (site.Key != "portal" && site.PathPrefix.Length == 0 && site.HostNames.Count == 0) errors.Add(("path", "子站须有路径前缀或至少一个域名。"));
        if (await db.Sites.AnyAsync(s => s.Id != site.Id && s.PathPrefix == site.PathPrefix && site.PathPrefix != "", http.RequestAborted))
            errors.Add(("path", $"路径前缀“{site.PathPrefix}”已被其他站点使用。"));
        var otherHosts = (await db.Sites.AsNoTracking().Where(s => s.Id != site.Id).Select(s => s.HostNames).ToListAsync(http.RequestAborted)).SelectMany(h => h).ToHashSet();
        if (site.HostNames.FirstOrDefault(otherHosts.Contains) is { } taken) errors.Add(("hostNames", $"域名“{taken}”已绑定到其他站点。"));
        if (errors.Count > 0)
        {
            // Show the page with what was typed (the tracked entity holds it) and store nothing.
            var typed = site;
            db.ChangeTracker.Clear();
            return EditPage(http, themes, typed, "", errors, 400);
        }
        await audit.AppendAsync(db, AdminEndpoints.Actor(http), "site.update", $"site:{site.Key}", site.Id, $"{before} → {Describe(site)}", http.RequestAborted);
        db.Outbox.Add(new Core.Outbox.OutboxMessage { Kind = Core.Outbox.OutboxKinds.SiteChanged, SiteId = site.Id, CreatedUtc = DateTimeOffset.UtcNow, Payload = $"{{\"key\":\"{site.Key}\"}}" });
        await db.SaveChangesAsync(http.RequestAborted);
        catalog.Invalidate();
        await pages.EvictAllAsync(http.RequestAborted);
        return Results.Redirect($"{Base(http)}/admin/sites/{site.Key}?msg={Uri.EscapeDataString($"已保存站点 {site.Name}。")}");
    }

    // The settings shown on every page and in the footer (STANDARDS.md: meta tags, 标识码, 备案号).
    private static readonly (string Name, string Label, string Hint)[] SettingFields =
    [
        ("siteName", "网站名称（SiteName）", "如 宁波市奉化区人民政府"),
        ("siteDomain", "网站域名（SiteDomain）", "如 www.fh.gov.cn"),
        ("siteIdCode", "政府网站标识码", "10 位数字"),
        ("icpNumber", "ICP 备案号", "如 浙ICP备05012345号"),
        ("publicSecurityNumber", "公安机关备案号", "如 浙公网安备 33028302000123号"),
        ("organiser", "主办单位", ""),
        ("contactPhone", "联系电话", ""),
        ("contactAddress", "联系地址", ""),
        ("contactEmail", "联系邮箱", ""),
        ("indexNumberPrefix", "索引号前缀", "机构代码或统一社会信用代码"),
        ("logoUrl", "徽标地址", "/media/… 或站内路径"),
        ("themeColor", "主题色", "#RRGGBB，子站页头使用"),
    ];

    private static string GetSetting(SiteSettings s, string name) => name switch
    {
        "siteName" => s.SiteName, "siteDomain" => s.SiteDomain, "siteIdCode" => s.SiteIdCode, "icpNumber" => s.IcpNumber,
        "publicSecurityNumber" => s.PublicSecurityNumber, "organiser" => s.Organiser, "contactPhone" => s.ContactPhone,
        "contactAddress" => s.ContactAddress, "contactEmail" => s.ContactEmail, "indexNumberPrefix" => s.IndexNumberPrefix,
        "logoUrl" => s.LogoUrl, "themeColor" => s.ThemeColor, _ => "",
    };

    private static void SetSetting(SiteSettings s, string name, string value)
    {
        switch (name)
        {
            case "siteName": s.SiteName = value; break;
            case "siteDomain": s.SiteDomain = value.ToLowerInvariant(); break;
            case "siteIdCode": s.SiteIdCode = value; break;
            case "icpNumber": s.IcpNumber = value; break;
            case "publicSecurityNumber": s.PublicSecurityNumber = value; break;
            case "organiser": s.Organiser = value; break;
            case "contactPhone": s.ContactPhone = value; break;
            case "contactAddress": s.ContactAddress = value; break;
            case "contactEmail": s.ContactEmail = value; break;
            case "indexNumberPrefix": s.IndexNumberPrefix = value; break;
            case "logoUrl": s.LogoUrl = value; break;
            case "themeColor": s.ThemeColor = value; break;
        }
    }

    private static IResult EditPage(HttpContext http, ThemeRegistry themes, Site site, string top, List<(string Field, string Message)> errors, int status)
    {
        var b = H(Base(http));
        var bad = errors.Select(e => e.Field).ToHashSet();
        string Invalid(string field) => bad.Contains(field) ? " aria-invalid=\"true\" class=\"invalid\"" : "";
        string Input(string name, string label, string value, string hint = "") =>
            $"<div class=\"field\"><label for=\"f-{H(name)}\">{H(label)}</label><input id=\"f-{H(name)}\" name=\"{H(name)}\" value=\"{H(value)}\"{Invalid(name)}>{(hint.Length > 0 ? $"<small>{H(hint)}</small>" : "")}</div>";
        var sb = new StringBuilder(top).Append(Errors(errors));
        sb.Append($"<p><a href=\"{b}/admin/sites\">← 站群列表</a></p><form method=\"post\" action=\"{b}/admin/sites/{H(site.Key)}\" class=\"site-form\">{Antiforgery(http)}");
        sb.Append(Input("name", "站点名称", site.Name));
        sb.Append($"<div class=\"field\"><label><input type=\"checkbox\" name=\"enabled\"{(site.Enabled ? " checked" : "")}{Invalid("enabled")}> 启用（停用后前台 404，后台仍可管理）</label></div>");
        sb.Append(Input("path", "路径前缀", site.PathPrefix, "如 /czj；门户为空"));
        sb.Append(Input("hostNames", "绑定域名", string.Join(",", site.HostNames), "逗号分隔；按域名访问时不带路径前缀"));
        sb.Append($"<div class=\"field\"><label for=\"f-theme\">主题</label><select id=\"f-theme\" name=\"theme\"{Invalid("theme")}>{Options(themes.All.Select(t => (t.Name, t.Name)), site.Theme)}</select></div>");
        sb.Append("<h2>网站标识与页脚</h2>");
        foreach (var (name, label, hint) in SettingFields)
            sb.Append(Input("settings." + name, label, GetSetting(site.Settings, name), hint));
        sb.Append("<p><button type=\"submit\">保存</button></p></form>");
        return Page(http, $"站点设置 · {site.Name}", sb.ToString(), status);
    }

    private static string Describe(Site s) =>
        $"{s.Name} {(s.Enabled ? "启用" : "停用")} {s.PathPrefix} [{string.Join(",", s.HostNames)}] {s.Theme} 标识码 {s.Settings.SiteIdCode} {s.Settings.IcpNumber} {s.Settings.PublicSecurityNumber} {s.Settings.SiteDomain}";

    private static async Task RequireDistrictAsync(HttpContext http, SitePermissions permissions)
    {
        if (!await permissions.IsDistrictAdministratorAsync(http.User, http.RequestAborted))
            throw new ForbiddenException("只有区级管理员可以管理站群。");
    }

    private static async Task<IResult> RenderAsync(HttpContext http, CmsDbContext db, ThemeRegistry themes, string top, IFormCollection? typed, int status)
    {
        var sites = await db.Sites.AsNoTracking().OrderBy(s => s.Id).ToListAsync(http.RequestAborted);
        var b = H(Base(http));
        var sb = new StringBuilder(top);
        sb.Append("<table class=\"list\"><thead><tr><th>标识</th><th>名称</th><th>状态</th><th>路径前缀</th><th>域名</th><th>主题</th><th>网站标识码</th><th></th></tr></thead><tbody>");
        foreach (var s in sites)
            sb.Append($"<tr><td>{H(s.Key)}</td><td>{H(s.Name)}</td><td>{(s.Enabled ? "启用" : "停用")}</td><td>{H(s.PathPrefix)}</td><td>{H(string.Join(", ", s.HostNames))}</td><td>{H(s.Theme)}</td><td>{H(s.Settings.SiteIdCode)}</td><td><a href=\"{b}/admin/sites/{H(s.Key)}\">编辑</a></td></tr>");
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
