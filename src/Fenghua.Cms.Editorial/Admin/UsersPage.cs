using System.Text;
using Fenghua.Cms.Core;
using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Core.Security;
using Fenghua.Cms.Core.Sites;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Audit;
using Fenghua.Cms.Data.Identity;
using Fenghua.Cms.Editorial.Review;
using Fenghua.Cms.Editorial.Security;
using Microsoft.EntityFrameworkCore;
using static Fenghua.Cms.Editorial.Admin.AdminHtml;

namespace Fenghua.Cms.Editorial.Admin;

/// <summary>
/// Users and their roles on the current site: create an account (Identity's password rules and the common-password
/// list), grant and revoke roles, disable/enable and reset passwords of the site's own staff. Only a district
/// administrator grants DistrictAdministrator (from the CLI) or manages staff shared with other sites.
/// </summary>
public static class UsersPage
{
    private static readonly string[] SiteRoleChoices = SiteRoles.All.Where(r => r != SiteRoles.DistrictAdministrator).ToArray();

    public static async Task<IResult> ShowAsync(HttpContext http, CmsDbContext db, SitePermissions permissions, string? msg)
    {
        var site = await AdminEndpoints.SiteAsync(http, Permission.ManageUsers);
        return await RenderAsync(http, db, permissions, site, Notice(msg), null, [], 200);
    }

    public static async Task<IResult> CreateAsync(HttpContext http, CmsDbContext db, SitePermissions permissions, UserAccounts accounts, IFormCollection form)
    {
        var site = await AdminEndpoints.SiteAsync(http, Permission.ManageUsers);
        var role = form["role"].ToString();
        try
        {
            // Roles on this site only: DistrictAdministrator is granted from the CLI by whoever runs the installation.
            if (!SiteRoleChoices.Contains(role)) throw new ValidationException([new("role", $"请选择本站点的角色（“{role}”无效）。")]);
            var created = await accounts.CreateAsync(new NewAccount(form["userName"].ToString(), form["email"].ToString(), form["displayName"].ToString(),
                form["password"].ToString(), role, site.Id, site.Key), AdminEndpoints.Actor(http), http.RequestAborted);
            var done = $"已创建用户 {created.User.UserName}（{RolePermissions.DisplayName(role)} @ {site.Name}）。";
            return created.GeneratedPassword is { } password ? PasswordOnce(http, done, created.User.UserName!, password) : Done(http, done);
        }
        catch (ValidationException e)
        {
            db.ChangeTracker.Clear();
            var errors = AdminEndpoints.ErrorsOf(e);
            return await RenderAsync(http, db, permissions, site, Errors(errors), form, errors.Select(x => x.Field).ToHashSet(), 400);
        }
    }

    public static async Task<IResult> ChangeRoleAsync(HttpContext http, CmsDbContext db, AuditLog audit, IFormCollection form)
    {
        var site = await AdminEndpoints.SiteAsync(http, Permission.ManageUsers);
        var role = form["role"].ToString();
        if (!SiteRoleChoices.Contains(role))
            return Page(http, "用户与角色", Errors([("role", $"角色“{role}”无效。")]), 400);
        var user = await db.Users.FirstOrDefaultAsync(u => u.UserName == form["userName"].ToString(), http.RequestAborted);
        if (user is null) return Page(http, "用户与角色", Errors([("userName", $"用户“{form["userName"]}”不存在。")]), 400);
        var existing = await db.SiteRoles.FirstOrDefaultAsync(r => r.UserId == user.Id && r.SiteId == site.Id && r.Role == role, http.RequestAborted);
        var grant = form["op"] == "grant";
        if (grant && existing is null) db.SiteRoles.Add(new SiteRoleAssignment { UserId = user.Id, SiteId = site.Id, Role = role });
        else if (!grant && existing is not null) db.SiteRoles.Remove(existing);
        else return Done(http, "没有变化。");
        await audit.AppendAsync(db, AdminEndpoints.Actor(http), grant ? "role.grant" : "role.revoke", $"user:{user.UserName}", site.Id, $"{role} @ {site.Key}", http.RequestAborted);
        await db.SaveChangesAsync(http.RequestAborted);
        return Done(http, grant ? "已授予。" : "已收回。");
    }

    /// <summary>停用用户: what the list's 停用 link leads to; names the account and its roles before anything changes.</summary>
    public static async Task<IResult> ConfirmDisableAsync(string id, HttpContext http, CmsDbContext db, SitePermissions permissions, AccountStewardship stewardship)
    {
        var (site, user) = await TargetAsync(http, db, stewardship, id);
        if (user.Id == SitePermissions.UserId(http.User))
            return await RenderAsync(http, db, permissions, site, Errors([("user", "不能停用自己的账户。")]), null, [], 400);
        if (UserAccounts.IsDisabled(user)) return Done(http, $"用户 {user.UserName} 已是停用状态。");
        var roles = await db.SiteRoles.AsNoTracking().Where(r => r.UserId == user.Id).ToListAsync(http.RequestAborted);
        var siteKeys = await db.Sites.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Key, http.RequestAborted);
        var roleText = string.Join("、", roles.Select(r => RolePermissions.DisplayName(r.Role) + " @ " + (r.SiteId is { } s ? siteKeys.GetValueOrDefault(s, "?") : "全部站点")));
        var b = Base(http);
        var sb = new StringBuilder($"<p>要停用的用户：<strong>{H(user.UserName)}</strong>（{H(user.DisplayName)}，{H(user.Email)}），角色：{H(roleText.Length > 0 ? roleText : "无")}。</p>");
        sb.Append("<p>停用后该用户立即不能登录，已登录的会话和 API 令牌也不能再用；稿件和审计记录保留，可随时重新启用。</p>");
        sb.Append(ConfirmationForm.Render(http, $"{b}/admin/users/{user.Id}/disable", [], $"确认停用用户 {user.UserName}", $"{b}/admin/users", "取消，返回用户列表"));
        return Page(http, $"停用用户 · {user.UserName}", sb.ToString());
    }

    /// <summary>Disables on the confirmation page's POST only; any other POST shows that page.</summary>
    public static async Task<IResult> DisableAsync(string id, HttpContext http, CmsDbContext db, SitePermissions permissions, AccountStewardship stewardship, UserAccounts accounts, IFormCollection form)
    {
        if (!ConfirmationForm.IsConfirmed(form)) return await ConfirmDisableAsync(id, http, db, permissions, stewardship);
        var (site, user) = await TargetAsync(http, db, stewardship, id);
        if (user.Id == SitePermissions.UserId(http.User))
            return await RenderAsync(http, db, permissions, site, Errors([("user", "不能停用自己的账户。")]), null, [], 400);
        if (UserAccounts.IsDisabled(user)) return Done(http, $"用户 {user.UserName} 已是停用状态。");
        await accounts.DisableAsync(user, AdminEndpoints.Actor(http), site.Id, http.RequestAborted);
        return Done(http, $"已停用用户 {user.UserName}：不能再登录或使用令牌。");
    }

    /// <param name="form">Not read: binding the form is what makes minimal APIs refuse a request without the antiforgery token.</param>
    public static async Task<IResult> EnableAsync(string id, HttpContext http, CmsDbContext db, AccountStewardship stewardship, UserAccounts accounts, IFormCollection form)
    {
        var (site, user) = await TargetAsync(http, db, stewardship, id);
        if (!UserAccounts.IsDisabled(user)) return Done(http, $"用户 {user.UserName} 未被停用。");
        await accounts.EnableAsync(user, AdminEndpoints.Actor(http), site.Id, http.RequestAborted);
        return Done(http, $"已启用用户 {user.UserName}。");
    }

    public static async Task<IResult> ResetPasswordAsync(string id, HttpContext http, CmsDbContext db, SitePermissions permissions, AccountStewardship stewardship, UserAccounts accounts, IFormCollection form)
    {
        var (site, user) = await TargetAsync(http, db, stewardship, id);
        try
        {
            var generated = await accounts.ResetPasswordAsync(user, form["password"].ToString(), AdminEndpoints.Actor(http), site.Id, http.RequestAborted);
            var done = $"已重置用户 {user.UserName} 的密码，其已登录的会话将失效。";
            return generated is null ? Done(http, done) : PasswordOnce(http, done, user.UserName!, generated);
        }
        catch (ValidationException e)
        {
            db.ChangeTracker.Clear();
            var errors = e.Errors.Select(x => (x.Field, $"重置“{user.UserName}”的密码：{x.Message}")).ToList();
            return await RenderAsync(http, db, permissions, site, Errors(errors), null, [], 400);
        }
    }

    /// <summary>The account to act on, after checking the caller may manage it from this site.</summary>
    private static async Task<(Site Site, CmsUser User)> TargetAsync(HttpContext http, CmsDbContext db, AccountStewardship stewardship, string id)
    {
        var site = await AdminEndpoints.SiteAsync(http, Permission.ManageUsers);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, http.RequestAborted) ?? throw new NotFoundException("用户不存在。");
        await stewardship.EnsureAsync(http.User, site, user, http.RequestAborted);
        return (site, user);
    }

    private static IResult Done(HttpContext http, string message) =>
        Results.Redirect($"{Base(http)}/admin/users?msg={Uri.EscapeDataString(message)}");

    /// <summary>A generated password, shown on this one response (never in a URL, never stored, never cached).</summary>
    private static IResult PasswordOnce(HttpContext http, string message, string userName, string password)
    {
        http.Response.Headers.CacheControl = "no-store";
        var body = $"{Notice(message)}<section class=\"password-once\"><p>用户 <strong>{H(userName)}</strong> 的初始密码（只显示这一次，请当面或通过安全渠道转交，并提醒其登录后修改）：</p>"
            + $"<p><code class=\"password\">{H(password)}</code></p></section><p><a href=\"{H(Base(http))}/admin/users\">返回用户列表</a></p>";
        return Page(http, "用户与角色", body);
    }

    private static async Task<IResult> RenderAsync(HttpContext http, CmsDbContext db, SitePermissions permissions, Site site, string top, IFormCollection? typed, HashSet<string> invalid, int status)
    {
        var ct = http.RequestAborted;
        var b = H(Base(http));
        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(ct);
        var roles = (await db.SiteRoles.AsNoTracking().ToListAsync(ct)).ToLookup(r => r.UserId);
        var siteKeys = await db.Sites.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Key, ct);
        var district = await permissions.IsDistrictAdministratorAsync(http.User, ct);
        var me = SitePermissions.UserId(http.User);
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        // A site's administrator sees the site's own staff only: other sites' accounts (names, addresses) are theirs.
        var listed = district ? users : users.Where(u => roles[u.Id].Any(r => r.SiteId == site.Id)).ToList();
        var sb = new StringBuilder(top);
        sb.Append("<table class=\"list users\"><thead><tr><th>用户名</th><th>姓名</th><th>邮箱</th><th>本站角色</th><th>其他站点</th><th>状态</th><th>操作</th></tr></thead><tbody>");
        foreach (var u in listed)
        {
            var all = roles[u.Id].ToList();
            var here = all.Where(r => r.SiteId == site.Id || r.SiteId == null).Select(r => RolePermissions.DisplayName(r.Role) + (r.SiteId is null ? "（全部站点）" : ""));
            var elsewhere = all.Where(r => r.SiteId is { } s && s != site.Id).Select(r => siteKeys.GetValueOrDefault(r.SiteId!.Value, "?")).Distinct();
            var disabled = UserAccounts.IsDisabled(u);
            var state = disabled ? "<span class=\"state-disabled\">已停用</span>"
                : u.LockoutEnd > now ? $"登录失败锁定至 {ShanghaiTime.PubDate(u.LockoutEnd.Value)}" : "正常";
            sb.Append($"<tr data-user=\"{H(u.UserName)}\"><td>{H(u.UserName)}</td><td>{H(u.DisplayName)}</td><td>{H(u.Email)}</td><td>{H(string.Join("、", here))}</td><td>{H(string.Join("、", elsewhere))}</td><td>{state}</td><td>");
            if (AccountStewardship.MayManage(district, site.Id, all))
            {
                var af = Antiforgery(http);
                // Enabling gives nothing away, so it acts at once; disabling goes through its confirmation page.
                if (u.Id != me && disabled)
                    sb.Append($"<form method=\"post\" action=\"{b}/admin/users/{H(u.Id)}/enable\" class=\"inline\">{af}<button type=\"submit\">启用</button></form> ");
                else if (u.Id != me)
                    sb.Append($"<a href=\"{b}/admin/users/{H(u.Id)}/disable\" class=\"button reject\" aria-label=\"停用 {H(u.UserName)}\">停用</a> ");
                sb.Append($"<form method=\"post\" action=\"{b}/admin/users/{H(u.Id)}/password\" class=\"inline\">{af}<input type=\"password\" name=\"password\" autocomplete=\"new-password\" placeholder=\"新密码（留空自动生成）\" aria-label=\"{H(u.UserName)} 的新密码\"> <button type=\"submit\">重置密码</button></form>");
            }
            sb.Append("</td></tr>");
        }
        sb.Append("</tbody></table>");
        sb.Append("<p class=\"muted\">站点管理员只能停用、启用或重置只在本站点有角色的用户；其他用户由区级管理员管理。停用的账户不能登录，也不能使用 API 令牌。</p>");

        string T(string field) => H(typed?[field].ToString());
        string Bad(string field) => invalid.Contains(field) ? " aria-invalid=\"true\" class=\"invalid\"" : "";
        sb.Append($"<h2>新建用户</h2><form method=\"post\" action=\"{b}/admin/users\" class=\"user-form\">{Antiforgery(http)}");
        sb.Append($"<div class=\"field\"><label for=\"u-userName\">用户名</label><input id=\"u-userName\" name=\"userName\" value=\"{T("userName")}\" autocomplete=\"off\" required{Bad("userName")}><small>登录用：英文字母、数字和 - . _ @ +</small></div>");
        sb.Append($"<div class=\"field\"><label for=\"u-displayName\">姓名</label><input id=\"u-displayName\" name=\"displayName\" value=\"{T("displayName")}\" maxlength=\"{UserAccounts.MaxDisplayName}\"{Bad("displayName")}></div>");
        sb.Append($"<div class=\"field\"><label for=\"u-email\">电子邮箱</label><input id=\"u-email\" name=\"email\" type=\"email\" value=\"{T("email")}\" required{Bad("email")}><small>审核和发布通知发到这里</small></div>");
        // The password is never echoed back, not even after an error.
        sb.Append($"<div class=\"field\"><label for=\"u-password\">初始密码</label><input id=\"u-password\" name=\"password\" type=\"password\" autocomplete=\"new-password\"{Bad("password")}><small>至少 8 位，含小写字母和数字，不能是常见密码；留空则自动生成并只显示一次</small></div>");
        sb.Append($"<div class=\"field\"><label for=\"u-role\">本站角色</label><select id=\"u-role\" name=\"role\"{Bad("role")}>{Options(SiteRoleChoices.Select(r => (r, RolePermissions.DisplayName(r))), typed?["role"].ToString() ?? SiteRoles.Author)}</select></div>");
        sb.Append("<p><button type=\"submit\">新建用户</button></p></form>");

        sb.Append("<h2>授予或收回角色</h2>");
        sb.Append($"<form method=\"post\" action=\"{b}/admin/users/roles\" class=\"filters\">{Antiforgery(http)}");
        sb.Append($"<label>用户名 <input name=\"userName\" list=\"site-users\" autocomplete=\"off\" required></label><datalist id=\"site-users\">{Options(listed.Select(u => (u.UserName ?? "", u.DisplayName)), null)}</datalist>");
        sb.Append($"<label>角色 <select name=\"role\">{Options(SiteRoleChoices.Select(r => (r, RolePermissions.DisplayName(r))), null)}</select></label>");
        sb.Append("<button type=\"submit\" name=\"op\" value=\"grant\">授予</button> <button type=\"submit\" name=\"op\" value=\"revoke\">收回</button></form>");
        if (!district) sb.Append("<p class=\"muted\">其他站点的账户不在此列出；要给其他站点的同事授予本站角色，请输入其用户名。</p>");
        return Page(http, $"用户与角色 · {site.Name}", sb.ToString(), status);
    }
}
