using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Fenghua.Cms.Core.Audit;
using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Editorial;
using Fenghua.Cms.Data.Identity;
using Fenghua.Cms.Data.Mail;
using Fenghua.Cms.Editorial.Review;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fenghua.Cms.Web.Tests.Editorial;

/// <summary>Sign-in, permissions, the review workflow with its checks, scheduling and the API, on SQLite and PostgreSQL.</summary>
public abstract partial class EditorialTests(CmsFactory factory)
{
    private readonly EditorialHarness h = new(factory);
    private const string IdNumber = "330283198001011233";

    private void SkipWithoutStore() => Skip.If(factory.Unavailable is not null, factory.Unavailable);

    private async Task<int> SeedPolicyIdAsync()
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        return await db.CrossSite<ContentItem>().Where(i => i.Slug == "fzbf-2018-42").Select(i => i.Id).FirstAsync();
    }

    private async Task<List<AuditEntry>> AuditAsync(string target)
    {
        await using var scope = factory.Scope();
        return await scope.ServiceProvider.GetRequiredService<CmsDbContext>().AuditTrail.AsNoTracking().Where(a => a.Target == target).OrderBy(a => a.Id).ToListAsync();
    }

    private static string Antiforgery(string html) => AntiforgeryPattern().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"__af\" value=\"([^\"]+)\"")] private static partial Regex AntiforgeryPattern();

    private async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string user, string password, bool withToken = true)
    {
        var (_, page) = await h.GetAsync("/admin/login", client);
        var fields = new Dictionary<string, string> { ["userName"] = user, ["password"] = password, ["returnUrl"] = "/admin" };
        if (withToken) fields["__af"] = Antiforgery(page);
        return await client.PostAsync("/admin/login", new FormUrlEncodedContent(fields));
    }

    [SkippableFact]
    public async Task Sign_in_needs_antiforgery_issues_the_session_cookie_is_audited_and_checks_the_items_site()
    {
        SkipWithoutStore();
        var author = await h.UserAsync("Author", "czj");
        var portalAuthor = await h.UserAsync("Author", "portal");
        var portalItem = await h.CreateAsync(portalAuthor, "portal", "Notice", "tzgg", "区级通知", "正文");
        var czjItem = await h.CreateAsync(author, "czj", "Notice", "tzgg", "财政局通知", "正文");
        var client = h.Client();

        var noToken = await PostLoginAsync(client, author.Name, EditorialHarness.Password, withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);

        var ok = await PostLoginAsync(client, author.Name, EditorialHarness.Password);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal("/admin", ok.Headers.Location!.OriginalString);
        // The old session (if any) is cleared and a new one issued.
        var cookie = ok.Headers.GetValues("Set-Cookie").Last(c => c.StartsWith("fenghua.admin=", StringComparison.Ordinal));
        Assert.StartsWith("fenghua.admin=CfDJ", cookie);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);

        var (status, html) = await h.GetAsync("/czj/admin", client);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("工作台", html);
        Assert.Contains("财政局通知", html);
        // The portal's admin and the portal's item are not this author's, whatever URL is used.
        Assert.Equal(HttpStatusCode.Forbidden, (await h.GetAsync("/admin", client)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await h.GetAsync($"/czj/admin/content/{portalItem}", client)).Status);
        Assert.Equal(HttpStatusCode.OK, (await h.GetAsync($"/admin/content/{czjItem}", client)).Status);

        var anonymous = await h.Client().GetAsync("/czj/admin/content");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/admin/login", anonymous.Headers.Location!.OriginalString);

        var audit = await AuditAsync($"user:{author.Name}");
        Assert.Contains(audit, a => a.Action == "user.signin" && a.Actor == author.Name);
    }

    [SkippableFact]
    public async Task Five_wrong_passwords_lock_the_account_for_15_minutes_and_every_failure_is_audited()
    {
        SkipWithoutStore();
        var user = await h.UserAsync("Editor", "fgj");
        var client = h.Client();
        for (var i = 0; i < 5; i++)
        {
            var r = await PostLoginAsync(client, user.Name, "wrong-password-" + i);
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            var body = await r.Content.ReadAsStringAsync();
            Assert.Contains(i < 4 ? "用户名或密码错误" : "已锁定", body);
            Assert.Contains($"value=\"{user.Name}\"", body);
        }
        var locked = await PostLoginAsync(client, user.Name, EditorialHarness.Password);
        Assert.Equal(HttpStatusCode.BadRequest, locked.StatusCode);
        Assert.Contains("已锁定 15 分钟", await locked.Content.ReadAsStringAsync());

        await using var scope = factory.Scope();
        var cmsUser = await scope.ServiceProvider.GetRequiredService<UserManager<CmsUser>>().FindByNameAsync(user.Name);
        var remaining = cmsUser!.LockoutEnd!.Value - DateTimeOffset.UtcNow;
        Assert.InRange(remaining.TotalMinutes, 14, 15.1);
        var audit = await AuditAsync($"user:{user.Name}");
        Assert.Equal(6, audit.Count(a => a.Action == "user.signin.failed"));
        Assert.Contains(audit, a => a.Action == "user.signin.failed" && a.Details == "账户已锁定");
    }

    [SkippableFact]
    public async Task Common_and_short_passwords_are_refused_naming_the_option()
    {
        SkipWithoutStore();
        var (code, _, error) = await h.CliAsync("users", "create", "--name", "weakuser", "--email", "weak@fh.gov.cn", "--role", "Author", "--site", "portal", "--password", "iloveyou");
        Assert.Equal(2, code);
        Assert.Contains("--password", error);
        Assert.Contains("过于常见", error);
        await using var scope = factory.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CmsUser>>();
        var common = await users.CreateAsync(new CmsUser { UserName = "weak2", Email = "weak2@fh.gov.cn" }, "password");
        Assert.Contains(common.Errors, e => e.Code == "CommonPassword");
        var shortOne = await users.CreateAsync(new CmsUser { UserName = "weak3", Email = "weak3@fh.gov.cn" }, "Fh-3x!");
        Assert.Contains(shortOne.Errors, e => e.Code == "PasswordTooShort");
        Assert.Null(await users.FindByNameAsync("weakuser"));
    }

    [SkippableFact]
    public async Task Role_changes_from_the_cli_are_audited()
    {
        SkipWithoutStore();
        var user = await h.UserAsync("Author", "ylj");
        var (code, output, _) = await h.CliAsync("users", "roles", "--user", user.Name, "--grant", "Reviewer", "--site", "ylj");
        Assert.Equal(0, code);
        Assert.Contains($"{user.Name}\t{user.Name}@fh.gov.cn\tylj\tReviewer", output);
        (code, _, _) = await h.CliAsync("users", "roles", "--user", user.Name, "--revoke", "Reviewer", "--site", "ylj");
        Assert.Equal(0, code);
        var audit = await AuditAsync($"user:{user.Name}");
        Assert.Contains(audit, a => a.Action == "role.grant" && a.Details == "Reviewer @ ylj" && a.Actor == "cli");
        Assert.Contains(audit, a => a.Action == "role.revoke" && a.Details == "Reviewer @ ylj");
        Assert.Contains(audit, a => a.Action == "token.create");
    }
}

public sealed class SqliteEditorialTests(SqliteCmsFactory factory) : EditorialTests(factory), IClassFixture<SqliteCmsFactory>;

public sealed class PostgresEditorialTests(PostgresCmsFactory factory) : EditorialTests(factory), IClassFixture<PostgresCmsFactory>;
