using System.Text;
using Fenghua.Cms.Core.Security;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Audit;
using Fenghua.Cms.Data.Editorial;
using Fenghua.Cms.Editorial.Checks;
using Microsoft.EntityFrameworkCore;
using static Fenghua.Cms.Editorial.Admin.AdminHtml;

namespace Fenghua.Cms.Editorial.Admin;

/// <summary>A site's review settings: one or two review levels, and its sensitive-word list.</summary>
public static class SettingsPage
{
    public const int MaxWords = 5000;

    public static async Task<IResult> ShowAsync(HttpContext http, CmsDbContext db, Security.SitePermissions permissions, string? msg)
    {
        var site = await AdminEndpoints.SiteAsync(http, Permission.ManageSite);
        var s = await db.EditorialSettings.AsNoTracking().FirstOrDefaultAsync(x => x.SiteId == site.Id, http.RequestAborted) ?? new EditorialSiteSettings { SiteId = site.Id };
        var district = await permissions.IsDistrictAdministratorAsync(http.User, http.RequestAborted);
        return Render(http, site.Name, s.ReviewLevels.ToString(), s.SensitiveWords, s.RequireTwoFactor, district, Notice(msg), 200);
    }

    public static async Task<IResult> SaveAsync(HttpContext http, CmsDbContext db, AuditLog audit, Security.SitePermissions permissions, IFormCollection form)
    {
        var site = await AdminEndpoints.SiteAsync(http, Permission.ManageSite);
        var district = await permissions.IsDistrictAdministratorAsync(http.User, http.RequestAborted);
        var levelsText = form["reviewLevels"].ToString();
        var words = form["sensitiveWords"].ToString().Replace("\r\n", "\n");
        var errors = new List<(string, string)>();
        if (levelsText is not ("1" or "2")) errors.Add(("reviewLevels", $"审核级数“{levelsText}”无效：应为 1 或 2。"));
        var list = SensitiveWordMatcher.Parse(words);
        if (list.Count > MaxWords) errors.Add(("sensitiveWords", $"敏感词过多：{list.Count} 个，最多 {MaxWords} 个。"));
        if (list.FirstOrDefault(w => w.Length > 50) is { } tooLong) errors.Add(("sensitiveWords", $"敏感词“{tooLong[..20]}…”过长：每个最多 50 字。"));
        var requireTwoFactor = form["requireTwoFactor"] == "on";
        if (errors.Count > 0) return Render(http, site.Name, levelsText, words, requireTwoFactor, district, Errors(errors), 400);
        var s = await db.EditorialSettings.FirstOrDefaultAsync(x => x.SiteId == site.Id, http.RequestAborted);
        if (s is null) db.EditorialSettings.Add(s = new EditorialSiteSettings { SiteId = site.Id });
        var before = $"审核 {s.ReviewLevels} 级，敏感词 {SensitiveWordMatcher.Parse(s.SensitiveWords).Count} 个，两步验证{(s.RequireTwoFactor ? "必须" : "可选")}";
        // Only a district administrator decides whether a site's users must use two-factor sign-in.
        if (district) s.RequireTwoFactor = requireTwoFactor;
        s.ReviewLevels = int.Parse(levelsText);
        s.SensitiveWords = string.Join("\n", list);
        await audit.AppendAsync(db, AdminEndpoints.Actor(http), "settings.editorial", $"site:{site.Key}", site.Id, $"{before} → 审核 {s.ReviewLevels} 级，敏感词 {list.Count} 个，两步验证{(s.RequireTwoFactor ? "必须" : "可选")}", http.RequestAborted);
        await db.SaveChangesAsync(http.RequestAborted);
        return Results.Redirect($"{Base(http)}/admin/settings?msg={Uri.EscapeDataString("已保存。")}");
    }

    private static IResult Render(HttpContext http, string siteName, string levels, string words, bool requireTwoFactor, bool district, string top, int status)
    {
        var sb = new StringBuilder(top);
        sb.Append($"<form method=\"post\" action=\"{H(Base(http))}/admin/settings\">{Antiforgery(http)}");
        sb.Append($"<div class=\"field\"><label for=\"reviewLevels\">审核级数</label><select id=\"reviewLevels\" name=\"reviewLevels\">{Options([("1", "一级审核"), ("2", "两级审核（初审、终审，须不同审核人）")], levels)}</select></div>");
        sb.Append($"<div class=\"field\"><label for=\"sensitiveWords\">敏感词（每行一个词语，整词匹配，不区分全角半角、繁体简体）</label><textarea id=\"sensitiveWords\" name=\"sensitiveWords\" rows=\"12\">{H(words)}</textarea></div>");
        sb.Append($"<div class=\"field\"><label><input type=\"checkbox\" name=\"requireTwoFactor\"{(requireTwoFactor ? " checked" : "")}{(district ? "" : " disabled")}> 本站用户必须启用两步验证（仅区级管理员可更改）</label></div>");
        sb.Append("<p><button type=\"submit\">保存</button></p></form>");
        return Page(http, $"审查设置 · {siteName}", sb.ToString(), status);
    }
}
