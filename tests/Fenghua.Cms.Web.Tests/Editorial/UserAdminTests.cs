using System.Net;
using System.Text.RegularExpressions;
using Fenghua.Cms.Core.Columns;
using Fenghua.Cms.Data.Identity;
using Microsoft.EntityFrameworkCore;

namespace Fenghua.Cms.Web.Tests.Editorial;

public abstract partial class EditorialAdminTests
{
    [GeneratedRegex("<code class=\"password\">([^<]+)</code>")] private static partial Regex ShownPasswordPattern();

    private Task<CmsUser> AccountAsync(string userName) => DbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName));

    private async Task<HttpStatusCode> LoginStatusAsync(string user, string password)
    {
        var client = h.Client();
        var (_, page) = await h.GetAsync("/admin/login", client);
        using var response = await client.PostAsync("/admin/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = user, ["password"] = password, ["returnUrl"] = "/admin", ["__af"] = AntiforgeryPattern().Match(page).Groups[1].Value,
        }));
        return response.StatusCode;
    }

    [SkippableFact]
    public async Task New_user_form_refuses_a_common_password_naming_the_field_keeps_what_was_typed_and_shows_a_generated_password_once()
    {
        SkipWithoutStore();
        var admin = await h.UserAsync("SiteAdministrator", "czj");
        var client = await SignInAsync(admin.Name);
        var czj = await SiteIdAsync("czj");
        var name = "zhangsan" + Guid.NewGuid().ToString("N")[..6];

        var refused = await PostAsync(client, "/czj/admin/users",
            ("userName", name), ("displayName", "张三"), ("email", $"{name}@fh.gov.cn"), ("password", "password1"), ("role", "Editor"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("<li data-field=\"password\">密码过于常见", refused.Html);
        Assert.Contains("id=\"u-password\" name=\"password\" type=\"password\" autocomplete=\"new-password\" aria-invalid=\"true\"", refused.Html);
        Assert.Contains($"value=\"{name}\"", refused.Html);
        Assert.Contains("value=\"张三\"", refused.Html);
        Assert.Contains($"value=\"{name}@fh.gov.cn\"", refused.Html);
        Assert.Contains("<option value=\"Editor\" selected>", refused.Html);
        Assert.DoesNotContain("password1", refused.Html);
        Assert.False(await DbAsync(db => db.Users.AnyAsync(u => u.UserName == name)));

        var badEmail = await PostAsync(client, "/czj/admin/users", ("userName", name), ("displayName", "张三"), ("email", "not-an-address"), ("password", ""), ("role", "Editor"));
        Assert.Equal(HttpStatusCode.BadRequest, badEmail.Status);
        Assert.Contains("<li data-field=\"email\">电子邮箱“not-an-address”格式无效。</li>", badEmail.Html);

        using (var response = await client.PostAsync("/czj/admin/users", new FormUrlEncodedContent(new Dictionary<string, string>
               {
                   ["userName"] = name, ["displayName"] = "张三", ["email"] = $"{name}@fh.gov.cn", ["password"] = "", ["role"] = "Editor",
                   ["__af"] = AntiforgeryPattern().Match((await h.GetAsync("/czj/admin/users", client)).Html).Groups[1].Value,
               })))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("只显示这一次", html);
            var password = ShownPasswordPattern().Match(html).Groups[1].Value;
            Assert.StartsWith("Fh-", password);
            Assert.Equal(HttpStatusCode.Redirect, await LoginStatusAsync(name, password));
        }

        var user = await AccountAsync(name);
        Assert.Equal("张三", user.DisplayName);
        Assert.True(await DbAsync(db => db.SiteRoles.AnyAsync(r => r.UserId == user.Id && r.SiteId == czj && r.Role == SiteRoles.Editor)));
        var audit = await AuditAsync($"user:{name}");
        Assert.Contains(audit, a => a.Action == "user.create" && a.Actor == admin.Name && a.SiteId == czj);
        Assert.Contains(audit, a => a.Action == "role.grant" && a.Details == "Editor @ czj" && a.Actor == admin.Name);
        // The shown password is in no audit entry.
        Assert.All(audit, a => Assert.DoesNotContain("Fh-", a.Details));
    }

    [SkippableFact]
    public async Task Disabling_enabling_and_resetting_a_password_are_audited_and_a_disabled_user_cannot_sign_in_or_use_tokens()
    {
        SkipWithoutStore();
        var admin = await h.UserAsync("SiteAdministrator", "czj");
        var staff = await h.UserAsync("Author", "czj");
        var client = await SignInAsync(admin.Name);
        var id = (await AccountAsync(staff.Name)).Id;

        // Without the form's token nothing happens, although the action reads no fields.
        using (var forged = await client.PostAsync($"/czj/admin/users/{id}/disable", new FormUrlEncodedContent([])))
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Null((await AccountAsync(staff.Name)).LockoutEnd);

        var disabled = await PostAsync(client, $"/czj/admin/users/{id}/disable", ("confirm", "1"));
        Assert.Equal(HttpStatusCode.Redirect, disabled.Status);
        Assert.True(UserAccounts.IsDisabled(await AccountAsync(staff.Name)));
        Assert.Equal(HttpStatusCode.Unauthorized, (await h.ApiAsync(HttpMethod.Get, "/api/v1/content?site=czj", staff.Token)).Status);
        Assert.Equal(HttpStatusCode.BadRequest, await LoginStatusAsync(staff.Name, EditorialHarness.Password));
        Assert.Contains("已停用", (await h.GetAsync("/czj/admin/users", client)).Html);

        var enabled = await PostAsync(client, $"/czj/admin/users/{id}/enable");
        Assert.Equal(HttpStatusCode.Redirect, enabled.Status);
        Assert.Null((await AccountAsync(staff.Name)).LockoutEnd);
        Assert.Equal(HttpStatusCode.OK, (await h.ApiAsync(HttpMethod.Get, "/api/v1/content?site=czj", staff.Token)).Status);

        var common = await PostAsync(client, $"/czj/admin/users/{id}/password", ("password", "iloveyou1"));
        Assert.Equal(HttpStatusCode.BadRequest, common.Status);
        Assert.Contains($"<li data-field=\"password\">重置“{staff.Name}”的密码：密码过于常见", common.Html);
        var reset = await PostAsync(client, $"/czj/admin/users/{id}/password", ("password", "Fh-Changed-Pass-2027"));
        Assert.Equal(HttpStatusCode.Redirect, reset.Status);
        Assert.Equal(HttpStatusCode.BadRequest, await LoginStatusAsync(staff.Name, EditorialHarness.Password));
        Assert.Equal(HttpStatusCode.Redirect, await LoginStatusAsync(staff.Name, "Fh-Changed-Pass-2027"));

        var self = await PostAsync(client, $"/czj/admin/users/{(await AccountAsync(admin.Name)).Id}/disable", ("confirm", "1"));
        Assert.Equal(HttpStatusCode.BadRequest, self.Status);
        Assert.Contains("不能停用自己的账户", self.Html);

        var audit = await AuditAsync($"user:{staff.Name}");
        Assert.Contains(audit, a => a.Action == "user.disable" && a.Actor == admin.Name);
        Assert.Contains(audit, a => a.Action == "user.enable" && a.Actor == admin.Name);
        Assert.Single(audit, a => a.Action == "user.password.reset");
        Assert.Contains(audit, a => a.Action == "user.signin.failed" && a.Details == "账户已停用");
    }

    [SkippableFact]
    public async Task A_site_administrator_of_czj_cannot_manage_a_portal_user_or_column_nor_staff_shared_with_another_site()
    {
        SkipWithoutStore();
        var admin = await h.UserAsync("SiteAdministrator", "czj");
        var portalAuthor = await h.UserAsync("Author", "portal");
        var shared = await h.UserAsync("Author", "czj");
        Assert.Equal(0, (await h.CliAsync("users", "roles", "--user", shared.Name, "--grant", "Author", "--site", "fgj")).Code);
        var client = await SignInAsync(admin.Name);
        var portal = await SiteIdAsync("portal");
        var portalColumn = await DbAsync(db => db.CrossSite<Column>().AsNoTracking().SingleAsync(c => c.Path == "tzgg" && c.SiteId == portal));

        Assert.Equal(HttpStatusCode.Forbidden, (await h.GetAsync("/admin/columns", client)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await h.GetAsync("/admin/users", client)).Status);
        // Posting another site's column id to the own site's address does not help.
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(client, $"/czj/admin/columns/{portalColumn.Id}", ("name", "被改名"), ("kind", "list"), ("nav", "on"))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(client, $"/czj/admin/columns/{portalColumn.Id}/delete", ("confirm", "1"))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(client, $"/admin/columns/{portalColumn.Id}/move", ("dir", "up"))).Status);
        Assert.Equal("通知公告", await DbAsync(db => db.CrossSite<Column>().Where(c => c.Id == portalColumn.Id).Select(c => c.Name).SingleAsync()));

        var portalId = (await AccountAsync(portalAuthor.Name)).Id;
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(client, $"/czj/admin/users/{portalId}/disable", ("confirm", "1"))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(client, $"/czj/admin/users/{portalId}/password", ("password", ""))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(client, "/admin/users", ("userName", "intruder"), ("email", "intruder@fh.gov.cn"), ("role", "Author"))).Status);
        var sharedId = (await AccountAsync(shared.Name)).Id;
        var sharedRefused = await PostAsync(client, $"/czj/admin/users/{sharedId}/disable", ("confirm", "1"));
        Assert.Equal(HttpStatusCode.Forbidden, sharedRefused.Status);
        Assert.Contains("只有区级管理员", sharedRefused.Html);
        Assert.Null((await AccountAsync(portalAuthor.Name)).LockoutEnd);
        Assert.Null((await AccountAsync(shared.Name)).LockoutEnd);
        Assert.False(await DbAsync(db => db.Users.AnyAsync(u => u.UserName == "intruder")));
        Assert.DoesNotContain(await AuditAsync($"user:{portalAuthor.Name}"), a => a.Action.StartsWith("user.disable", StringComparison.Ordinal) || a.Action == "user.password.reset");

        // The district administrator may.
        var district = await SignInAsync("admin", CmsFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(district, $"/czj/admin/users/{sharedId}/disable", ("confirm", "1"))).Status);
        Assert.True(UserAccounts.IsDisabled(await AccountAsync(shared.Name)));
    }
}
