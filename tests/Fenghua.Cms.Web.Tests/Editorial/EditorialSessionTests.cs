using System.Text.RegularExpressions;
using System.Net;
using System.Text.Json.Nodes;
using Fenghua.Cms.Core.Audit;
using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Core.Parts;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Audit;
using Fenghua.Cms.Editorial;
using Fenghua.Cms.Editorial.Admin;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fenghua.Cms.Web.Tests.Editorial;

/// <summary>Autosave, preview expiry, the audit search/export and its retention.</summary>
public abstract partial class EditorialTests
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private async Task<HttpClient> SignedInAsync(EditorialHarness.User user)
    {
        var client = h.Client();
        var r = await PostLoginAsync(client, user.Name, EditorialHarness.Password);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        return client;
    }

    [SkippableFact]
    public async Task Autosave_overwrites_the_draft_in_place_and_refuses_once_the_item_is_in_review()
    {
        SkipWithoutStore();
        var author = await h.UserAsync("Author", "fgj");
        var id = await h.CreateAsync(author, "fgj", "Article", "gzdt", "自动保存测试稿", "第一稿");
        var client = await SignedInAsync(author);
        var (_, editor) = await h.GetAsync($"/fgj/admin/content/{id}", client);
        Assert.Contains($"data-autosave=\"/fgj/admin/content/{id}/autosave\"", editor);
        var token = Antiforgery(editor);
        Task<HttpResponseMessage> Autosave(string markdown) => client.PostAsync($"/fgj/admin/content/{id}/autosave", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["__af"] = token, ["p.Title.title"] = "自动保存测试稿", ["p.MarkdownBody.markdown"] = markdown }));

        using var saved = await Autosave("第二稿，还没点保存");
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var json = JsonNode.Parse(await saved.Content.ReadAsStringAsync())!;
        Assert.True(json["saved"]!.GetValue<bool>());
        Assert.StartsWith("已自动保存", json["message"]!.GetValue<string>());
        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
            var versions = await db.CrossSite<ContentVersion>().AsNoTracking().Where(v => v.ContentItemId == id).ToListAsync();
            var only = Assert.Single(versions); // autosave never starts a new version
            Assert.Equal("第二稿，还没点保存", only.Part("MarkdownBody")!["markdown"]!.GetValue<string>());
        }

        using var noToken = await client.PostAsync($"/fgj/admin/content/{id}/autosave", new FormUrlEncodedContent(new Dictionary<string, string> { ["p.MarkdownBody.markdown"] = "伪造" }));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await h.MoveAsync(author, id, "submit")).Status);
        using var inReview = await Autosave("审核中又改了");
        Assert.Equal(HttpStatusCode.Conflict, inReview.StatusCode);
        Assert.Contains("不是草稿", await inReview.Content.ReadAsStringAsync());
        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
            var latest = await db.CrossSite<ContentVersion>().AsNoTracking().Where(v => v.ContentItemId == id).OrderByDescending(v => v.Number).FirstAsync();
            Assert.Equal("第二稿，还没点保存", latest.Part("MarkdownBody")!["markdown"]!.GetValue<string>());
        }
    }

    [SkippableFact]
    public async Task Every_admin_change_without_the_antiforgery_token_is_refused_even_where_the_handler_reads_no_form()
    {
        SkipWithoutStore();
        var client = await SignedInAsync(await h.UserAsync("DistrictAdministrator", null));
        string[] posts =
        [
            "/admin/media/1/delete", "/admin/media/1/publish", "/admin/pushes/1/retry", "/admin/channels/1/enabled",
            "/admin/columns/1/delete", "/admin/users/someone/disable", "/admin/content/1/do/unpublish", "/admin/sites/czj",
        ];
        foreach (var url in posts)
        {
            using var response = await client.PostAsync(url, new FormUrlEncodedContent([]));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url} 应拒绝没有防伪令牌的请求，实际 {(int)response.StatusCode}");
        }
        Assert.True((await SiteAsync("czj")).Enabled);
    }

    [SkippableFact]
    public async Task A_site_administrator_sees_only_the_sites_own_staff_but_can_grant_a_role_to_a_named_colleague()
    {
        SkipWithoutStore();
        var admin = await h.UserAsync("SiteAdministrator", "ylj");
        var own = await h.UserAsync("Author", "ylj");
        var other = await h.UserAsync("Author", "fgj");
        var client = await SignedInAsync(admin);
        var (status, html) = await h.GetAsync("/ylj/admin/users", client);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"data-user=\"{own.Name}\"", html);
        Assert.DoesNotContain(other.Name, html); // neither in the table nor in the grant form's suggestions
        Assert.DoesNotContain($"{other.Name}@fh.gov.cn", html);

        using var granted = await PostFormAsync(client, "/ylj/admin/users", "/ylj/admin/users/roles", new() { ["userName"] = other.Name, ["role"] = "Reviewer", ["op"] = "grant" });
        Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);
        Assert.Contains($"data-user=\"{other.Name}\"", (await h.GetAsync("/ylj/admin/users", client)).Html);
        Assert.Contains(await AuditAsync($"user:{other.Name}"), a => a.Action == "role.grant" && a.Details == "Reviewer @ ylj" && a.Actor == admin.Name);
    }

    [SkippableFact]
    public async Task The_navigation_shows_each_user_only_what_they_may_open_on_the_site()
    {
        SkipWithoutStore();
        static string Nav(string html) => Regex.Match(html, "<nav>(.*?)</nav>", RegexOptions.Singleline).Groups[1].Value;
        var author = await SignedInAsync(await h.UserAsync("Author", "czj"));
        var authorNav = Nav((await h.GetAsync("/czj/admin", author)).Html);
        Assert.Contains(">稿件<", authorNav);
        Assert.Contains(">两步验证<", authorNav);
        foreach (var hidden in new[] { ">栏目<", ">媒体库<", ">用户与角色<", ">站群<", ">审计日志<", ">审查设置<", ">新媒体渠道<" })
            Assert.DoesNotContain(hidden, authorNav);

        var siteAdminNav = Nav((await h.GetAsync("/czj/admin", await SignedInAsync(await h.UserAsync("SiteAdministrator", "czj")))).Html);
        foreach (var shown in new[] { ">栏目<", ">媒体库<", ">用户与角色<", ">审计日志<", ">新媒体渠道<", ">推送记录<", ">信息报送<" })
            Assert.Contains(shown, siteAdminNav);
        Assert.DoesNotContain(">站群<", siteAdminNav);
        Assert.Contains(">站群<", Nav((await h.GetAsync("/admin", await SignedInAsync(await h.UserAsync("DistrictAdministrator", null)))).Html));
    }

    [SkippableFact]
    public async Task The_editor_shows_and_saves_the_gazette_parts_naming_bad_numbers_and_keeping_them()
    {
        SkipWithoutStore();
        int articleId, issueId;
        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
            articleId = await db.CrossSite<ContentItem>().Where(i => i.ContentType == "GazetteArticle").OrderBy(i => i.Id).Select(i => i.Id).FirstAsync();
            issueId = await db.CrossSite<ContentItem>().Where(i => i.ContentType == "GazetteIssue").OrderBy(i => i.Id).Select(i => i.Id).FirstAsync();
        }
        var client = await SignedInAsync(await h.UserAsync("DistrictAdministrator", null));
        var (_, issuePage) = await h.GetAsync($"/admin/content/{issueId}", client);
        Assert.Contains("name=\"p.GazetteIssue.year\"", issuePage);
        Assert.Matches("<textarea id=\"f-GazetteIssue-sections\"[^>]*>[^<]+?(&#xA;|\n)[^<]+</textarea>", issuePage); // one section a line

        var (_, editor) = await h.GetAsync($"/admin/content/{articleId}", client);
        Assert.Contains("name=\"p.GazettePlacement.section\"", editor);
        Assert.Contains("name=\"p.GazettePlacement.policyId\"", editor);
        var token = Antiforgery(editor);
        using (var bad = await client.PostAsync($"/admin/content/{articleId}", new FormUrlEncodedContent(new Dictionary<string, string>
               { ["__af"] = token, ["intent"] = "save", ["p.GazettePlacement.pageFrom"] = "9", ["p.GazettePlacement.pageTo"] = "3", ["p.GazettePlacement.year"] = "二〇一八" })))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var html = await bad.Content.ReadAsStringAsync();
            Assert.Contains("data-field=\"parts.GazettePlacement.pageTo\"", html);
            Assert.Contains("data-field=\"parts.GazettePlacement.year\"", html);
            Assert.Contains("value=\"二〇一八\"", html);
        }
        using (var ok = await client.PostAsync($"/admin/content/{articleId}", new FormUrlEncodedContent(new Dictionary<string, string>
               { ["__af"] = token, ["intent"] = "save", ["p.GazettePlacement.pageFrom"] = "3", ["p.GazettePlacement.pageTo"] = "9" })))
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
            var item = await db.CrossSite<ContentItem>().AsNoTracking().FirstAsync(i => i.Id == articleId);
            var latest = await db.CrossSite<ContentVersion>().AsNoTracking().FirstAsync(v => v.Id == item.LatestVersionId);
            var placement = latest.Part("GazettePlacement")!;
            Assert.Equal(3, placement["pageFrom"]!.GetValue<int>()); // stored as numbers, not text
            Assert.Equal(9, placement["pageTo"]!.GetValue<int>());
            Assert.False(string.IsNullOrEmpty(placement.Str("section")));
        }
    }

    [SkippableFact]
    public async Task A_preview_link_stops_working_when_it_expires()
    {
        SkipWithoutStore();
        var author = await h.UserAsync("Author", "portal");
        var id = await h.CreateAsync(author, "portal", "Notice", "tzgg", "过期预览稿件", "草稿正文");
        var item = await ItemAsync(id);
        await using var scope = factory.Scope();
        var provider = scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>();
        var options = scope.ServiceProvider.GetRequiredService<EditorialOptions>();
        // Links made (by the same keys) long enough ago that their lifetime is over, and one made just now.
        var expired = new PreviewLinks(provider, options, new FixedClock(DateTimeOffset.UtcNow.AddMinutes(-options.PreviewLinkMinutes - 1))).Create(item.LatestVersionId);
        var fresh = new PreviewLinks(provider, options, TimeProvider.System).Create(item.LatestVersionId);

        Assert.Equal(HttpStatusCode.NotFound, (await h.GetAsync($"/admin/preview/{Uri.EscapeDataString(expired)}")).Status);
        var (status, html) = await h.GetAsync($"/admin/preview/{Uri.EscapeDataString(fresh)}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("过期预览稿件", html);
    }

    [SkippableFact]
    public async Task The_audit_trail_is_searchable_by_day_and_exported_as_csv_for_the_site_only()
    {
        SkipWithoutStore();
        var admin = await h.UserAsync("SiteAdministrator", "ylj");
        var author = await h.UserAsync("Author", "ylj");
        var id = await h.CreateAsync(author, "ylj", "Notice", "tzgg", "=HYPERLINK(\"http://evil\")审计导出", "正文");
        var portalAuthor = await h.UserAsync("Author", "portal");
        await h.CreateAsync(portalAuthor, "portal", "Notice", "tzgg", "门户的审计条目", "正文");
        var client = await SignedInAsync(admin);
        var today = ShanghaiTime.Date(DateTimeOffset.UtcNow);
        var tomorrow = ShanghaiTime.Date(DateTimeOffset.UtcNow.AddDays(1));

        var (status, html) = await h.GetAsync($"/ylj/admin/audit?from={today}&to={today}&action=content.", client);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"content:{id}", html);
        Assert.DoesNotContain("门户的审计条目", html);
        Assert.DoesNotContain($"content:{id}", (await h.GetAsync($"/ylj/admin/audit?from={tomorrow}", client)).Html);

        using var csv = await client.GetAsync($"/ylj/admin/audit.csv?actor={author.Name}");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]); // Excel opens UTF-8 Chinese correctly with a BOM
        var lines = System.Text.Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("时间,站点,操作人,地址,操作,对象,详情,哈希", lines[0]);
        var create = Assert.Single(lines, l => l.Contains("\"content.create\""));
        Assert.Contains($"\"{author.Name}\"", create);
        Assert.Contains($"\"content:{id}\"", create);
        Assert.All(lines[1..], l => Assert.Contains($"\"{author.Name}\"", l));
        // Nothing the user typed starts a spreadsheet formula.
        Assert.DoesNotContain(",\"=", string.Join("\n", lines));

        var portalCsv = await client.GetAsync("/admin/audit.csv");
        Assert.Equal(HttpStatusCode.Forbidden, portalCsv.StatusCode);
    }

    [SkippableFact]
    public async Task The_audit_trail_cannot_be_pruned_inside_the_retention_period_from_the_cli()
    {
        SkipWithoutStore();
        var recent = ShanghaiTime.Date(DateTimeOffset.UtcNow.AddDays(-179));
        var (code, _, error) = await h.CliAsync("audit", "prune", "--before", recent);
        Assert.Equal(2, code);
        Assert.Contains("至少保留 180 天", error);
        (code, _, error) = await h.CliAsync("audit", "prune", "--before", "2026/01/01");
        Assert.Equal(2, code);
        Assert.Contains("YYYY-MM-DD", error);
        var (ok, output, _) = await h.CliAsync("audit", "verify");
        Assert.Equal(0, ok);
        Assert.Contains("哈希链校验通过", output);
    }
}
