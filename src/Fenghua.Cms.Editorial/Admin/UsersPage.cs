using System.Text;
using Fenghua.Cms.Core.Security;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Audit;
using Fenghua.Cms.Data.Identity;
using Fenghua.Cms.Editorial.Review;
using Fenghua.Cms.Editorial.Security;
using Microsoft.EntityFrameworkCore;
using static Fenghua.Cms.Editorial.Admin.AdminHtml;

namespace Fenghua.Cms.Editorial.Admin;

/// <summary>Users and their roles on the current site; only a district administrator grants DistrictAdministrator.</summary>
public static class UsersPage
{
    public static async Task<IResult> ShowAsync(HttpContext http, CmsDbContext db, string? msg)
    {
        var site = await AdminEndpoints.SiteAsync(http, Permission.ManageUsers);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(http.RequestAborted);
        var roles = await db.SiteRoles.AsNoTracking().Where(r => r.SiteId == site.Id || r.SiteId == null).ToListAsync(http.RequestAborted);
        var sb = new StringBuilder(Notice(msg));
        sb.Append("<table class=\"list\"><thead><tr><th>用户名</th><th>姓名</th><th>邮箱</th><th>本站角色</th></tr></thead><tbody>");
        foreach (var u in users)
        {
            var mine = roles.Where(r => r.UserId == u.Id).Select(r => RolePermissions.DisplayName(r.Role) + (r.SiteId is null ? "（全部站点）" : ""));
            sb.Append($"<tr><td>{H(u.UserName)}</td><td>{H(u.DisplayName)}</td><td>{H(u.Email)}</td><td>{H(string.Join("、", mine))}</td></tr>");
        }
        sb.Append("</tbody></table><h2>授予或收回角色</h2>");
        sb.Append($"<form method=\"post\" action=\"{H(Base(http))}/admin/users/roles\" class=\"filters\">{Antiforgery(http)}");
        sb.Append($"<label>用户 <select name=\"userName\">{Options(users.Select(u => (u.UserName ?? "", u.UserName ?? "")), null)}</select></label>");
        sb.Append($"<label>角色 <select name=\"role\">{Options(SiteRoles.All.Where(r => r != SiteRoles.DistrictAdministrator).Select(r => (r, RolePermissions.DisplayName(r))), null)}</select></label>");
        sb.Append("<button type=\"submit\" name=\"op\" value=\"grant\">授予</button> <button type=\"submit\" name=\"op\" value=\"revoke\">收回</button></form>");
        sb.Append("<p class=\"muted\">新用户用命令行创建：fenghua users create --name … --email … --site … --role …</p>");
        return Page(http, $"用户与角色 · {site.Name}", sb.ToString());
    }

    public static async Task<IResult> ChangeRoleAsync(HttpContext http, CmsDbContext db, AuditLog audit, IFormCollection form)
    {
        var site = await AdminEndpoints.SiteAsync(http, Permission.ManageUsers);
        var role = form["role"].ToString();
        if (!SiteRoles.All.Contains(role) || role == SiteRoles.DistrictAdministrator)
            return Page(http, "用户与角色", Errors([("role", $"角色“{role}”无效。")]), 400);
        var user = await db.Users.FirstOrDefaultAsync(u => u.UserName == form["userName"].ToString(), http.RequestAborted);
        if (user is null) return Page(http, "用户与角色", Errors([("userName", $"用户“{form["userName"]}”不存在。")]), 400);
        var existing = await db.SiteRoles.FirstOrDefaultAsync(r => r.UserId == user.Id && r.SiteId == site.Id && r.Role == role, http.RequestAborted);
        var grant = form["op"] == "grant";
        if (grant && existing is null) db.SiteRoles.Add(new SiteRoleAssignment { UserId = user.Id, SiteId = site.Id, Role = role });
        else if (!grant && existing is not null) db.SiteRoles.Remove(existing);
        else return Results.Redirect($"{Base(http)}/admin/users?msg={Uri.EscapeDataString("没有变化。")}");
        await audit.AppendAsync(db, AdminEndpoints.Actor(http), grant ? "role.grant" : "role.revoke", $"user:{user.UserName}", site.Id, $"{role} @ {site.Key}", http.RequestAborted);
        await db.SaveChangesAsync(http.RequestAborted);
        return Results.Redirect($"{Base(http)}/admin/users?msg={Uri.EscapeDataString(grant ? "已授予。" : "已收回。")}");
    }
}
