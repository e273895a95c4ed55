using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Fenghua.Cms.Core;
using Fenghua.Cms.Core.Audit;
using Fenghua.Cms.Core.Columns;
using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Core.Recipes;
using Fenghua.Cms.Core.Sites;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Audit;
using Fenghua.Cms.Data.Content;
using Fenghua.Cms.Data.Recipes;
using Fenghua.Cms.Data.Sites;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fenghua.Cms.Web.Tests;

/// <summary>The platform end to end over HTTP, run once on SQLite and once on PostgreSQL.</summary>
public abstract partial class PlatformTests(CmsFactory factory)
{
    private static readonly Actor Tester = new("tester", "127.0.0.1");

    private HttpClient Client() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<(HttpStatusCode Status, string Body)> GetAsync(string url, string? host = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (host is not null) request.Headers.Host = host;
        using var response = await Client().SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private void SkipWithoutStore() => Skip.If(factory.Unavailable is not null, factory.Unavailable);

    [SkippableTheory]
    [InlineData("", "宁波市奉化区人民政府")]
    [InlineData("/czj", "宁波市奉化区财政局")]
    [InlineData("/fgj", "宁波市奉化区发展和改革局")]
    [InlineData("/ylj", "宁波市奉化区岳林街道办事处")]
    public async Task Portal_and_sub_sites_render_in_their_theme_with_site_meta_and_footer(string prefix, string name)
    {
        SkipWithoutStore();
        var (status, html) = await GetAsync(prefix + "/");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"<meta name=\"SiteName\" content=\"{name}\">", html);
        Assert.Contains("<meta name=\"SiteDomain\" content=\"www.fh.gov.cn\">", html);
        Assert.Contains("<meta name=\"SiteIDCode\" content=\"3302830001\">", html);
        Assert.Contains("网站标识码：3302830001", html);
        Assert.Contains("浙ICP备00000000号", html);
        Assert.Contains("浙公网安备", html);
        Assert.Contains("<html lang=\"zh-CN\">", html);
        if (prefix.Length > 0)
        {
            Assert.Contains($"{prefix}/themes/Department/assets/site.css", html);
            Assert.Contains("返回区政府门户网站", html);
        }
        else
        {
            Assert.Contains("/czj/", html);
            Assert.Contains("部门网站", html);
        }
    }

    [SkippableFact]
    public async Task Every_list_column_of_the_default_recipe_has_published_content()
    {
        SkipWithoutStore();
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var sites = await db.Sites.Where(s => new[] { "portal", "czj", "fgj", "ylj" }.Contains(s.Key)).ToListAsync();
        Assert.Equal(4, sites.Count);
        var columns = await db.CrossSite<Column>().Where(c => c.Kind == ColumnKind.List).ToListAsync();
        foreach (var column in columns.Where(c => sites.Any(s => s.Id == c.SiteId)))
        {
            var site = sites.Single(s => s.Id == column.SiteId);
            var (status, html) = await GetAsync($"{site.PathPrefix}/{column.Path}");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.True(html.Contains("<ul class=\"item-list\">"), $"{site.Key}/{column.Path} 没有内容");
            Assert.Contains($"<meta name=\"ColumnName\" content=\"{column.Name}\">", html);
        }
    }

    [SkippableFact]
    public async Task The_seed_policy_shows_its_disclosure_metadata_and_links_both_ways_with_its_interpretation()
    {
        SkipWithoutStore();
        var (status, policy) = await GetAsync("/zwgk/zcwj/2018/fzbf-2018-42");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<td class=\"docno\">奉政办发〔2018〕42号</td>", policy);
        Assert.Contains("<td>2018-07-31</td>", policy);
        Assert.Contains("11330283002858095R/2018-00042", policy);
        Assert.Contains("宁波市奉化区人民政府办公室", policy);
        Assert.Contains("<td>有效</td>", policy);
        Assert.Contains("着力加强主动公开和解读回应工作", policy);
        Assert.Contains("href=\"/zwgk/zcjd/2018/zcjd-2018-42\"", policy);

        var (status2, interpretation) = await GetAsync("/zwgk/zcjd/2018/zcjd-2018-42");
        Assert.Equal(HttpStatusCode.OK, status2);
        Assert.Contains("《2018年宁波市奉化区政务公开工作要点及责任分工》政策解读", interpretation);
        Assert.Matches("解读的政策：<a href=\"/zwgk/zcwj/2018/fzbf-2018-42\">", interpretation);
    }

    [SkippableFact]
    public async Task A_content_page_carries_the_column_and_article_meta_tags()
    {
        SkipWithoutStore();
        var (_, html) = await GetAsync("/zwgk/zcwj/2018/fzbf-2018-42");
        Assert.Contains("<meta name=\"ColumnName\" content=\"政策文件\">", html);
        Assert.Contains("<meta name=\"ColumnType\" content=\"信息公开，政策文件\">", html);
        Assert.Contains("<meta name=\"ArticleTitle\" content=\"宁波市奉化区人民政府办公室关于印发2018年宁波市奉化区政务公开工作要点及责任分工的通知\">", html);
        Assert.Contains("<meta name=\"PubDate\" content=\"2018-08-02 09:30\">", html);
        Assert.Contains("<meta name=\"ContentSource\" content=\"宁波市奉化区人民政府办公室\">", html);
        Assert.Matches("<meta name=\"Url\" content=\"http://localhost/zwgk/zcwj/2018/fzbf-2018-42\">", html);
        foreach (var name in new[] { "Keywords", "Author", "Description", "Image" })
            Assert.Contains($"<meta name=\"{name}\" content=", html);
    }

    [SkippableFact]
    public async Task No_site_can_read_another_sites_pages_through_its_own_routes()
    {
        SkipWithoutStore();
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var sites = await db.Sites.Where(s => s.Enabled).ToListAsync();
        var items = await db.CrossSite<ContentItem>().Where(i => i.PublishedVersionId != null).ToListAsync();
        var columns = await db.CrossSite<Column>().ToListAsync();
        Assert.NotEmpty(items);
        foreach (var site in sites)
        {
            foreach (var item in items.Where(i => i.SiteId != site.Id))
            {
                var (status, body) = await GetAsync($"{site.PathPrefix}/{item.PublicPath}");
                Assert.True(status == HttpStatusCode.NotFound, $"{site.Key} 读到了其他站点的稿件 {item.PublicPath}");
                Assert.DoesNotContain(item.Title, body);
            }
            var ownPaths = columns.Where(c => c.SiteId == site.Id).Select(c => c.Path).ToHashSet();
            foreach (var column in columns.Where(c => c.SiteId != site.Id && !ownPaths.Contains(c.Path)))
                Assert.Equal(HttpStatusCode.NotFound, (await GetAsync($"{site.PathPrefix}/{column.Path}")).Status);
            var (_, sitemap) = await GetAsync($"{site.PathPrefix}/sitemap.xml");
            foreach (var item in items.Where(i => i.SiteId != site.Id))
                Assert.DoesNotContain($"{site.PathPrefix}/{item.PublicPath}<", sitemap);
        }
    }

    [SkippableFact]
    public async Task Drafts_never_appear_publicly_and_a_site_never_shows_another_sites_settings()
    {
        SkipWithoutStore();
        int publishedId;
        await using (var scope = await factory.SiteScopeAsync("czj"))
        {
            var content = scope.ServiceProvider.GetRequiredService<ContentService>();
            var columnId = await ColumnIdAsync(scope, "czj", "gzdt");
            var siteId = scope.ServiceProvider.GetRequiredService<SiteContext>().SiteId!.Value;
            await content.CreateAsync(new ContentDraft(siteId, "Article", Parts("草稿机密甲")) { ColumnId = columnId, Slug = "draft-secret" }, Tester);
            var published = await content.CreateAsync(new ContentDraft(siteId, "Article", Parts("公开版本乙")) { ColumnId = columnId, Slug = "draft-then-edit" }, Tester);
            await content.PublishAsync(published.Id, Tester);
            await content.SaveDraftAsync(published.Id, Parts("修改中未发布丙"), Tester);
            publishedId = published.Id;
        }
        var pages = new List<string>();
        foreach (var prefix in new[] { "", "/czj", "/fgj", "/ylj" })
            foreach (var path in new[] { "/", "/gzdt", "/sitemap.xml", "/zwyw" })
                pages.Add((await GetAsync(prefix + path)).Body);
        pages.Add((await GetAsync($"/czj/gzdt/{DateTime.UtcNow.AddHours(8).Year}/draft-then-edit")).Body);
        Assert.All(pages, p => Assert.DoesNotContain("草稿机密甲", p));
        Assert.All(pages, p => Assert.DoesNotContain("修改中未发布丙", p));
        Assert.Contains(pages, p => p.Contains("公开版本乙"));
        Assert.DoesNotContain("公开版本乙", (await GetAsync("/")).Body + (await GetAsync("/fgj/")).Body);

        var portalVars = (await GetAsync("/site-vars.css")).Body;
        var czjVars = (await GetAsync("/czj/site-vars.css")).Body;
        Assert.Contains("#0b4ea2", portalVars);
        Assert.DoesNotContain("#1d6b4f", portalVars);
        Assert.Contains("#1d6b4f", czjVars);
        Assert.True(publishedId > 0);
    }

    [SkippableFact]
    public async Task Versions_keep_one_published_copy_and_a_changed_slug_redirects_from_the_old_path()
    {
        SkipWithoutStore();
        await using var scope = await factory.SiteScopeAsync("portal");
        var content = scope.ServiceProvider.GetRequiredService<ContentService>();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var siteId = scope.ServiceProvider.GetRequiredService<SiteContext>().SiteId!.Value;
        var item = await content.CreateAsync(new ContentDraft(siteId, "Article", Parts("版本测试一")) { ColumnId = await ColumnIdAsync(scope, "portal", "zwyw"), Slug = "version-test" }, Tester);
        await content.PublishAsync(item.Id, Tester);
        var path1 = (await db.ContentItems.AsNoTracking().FirstAsync(i => i.Id == item.Id)).PublicPath!;
        Assert.Contains("版本测试一", (await GetAsync("/" + path1)).Body);

        var draft = await content.SaveDraftAsync(item.Id, Parts("版本测试二"), Tester);
        Assert.Equal(2, draft.Number);
        Assert.Contains("版本测试一", (await GetAsync("/" + path1)).Body);
        Assert.DoesNotContain("版本测试二", (await GetAsync("/" + path1)).Body);

        await content.PublishAsync(item.Id, Tester);
        var versions = await db.ContentVersions.AsNoTracking().Where(v => v.ContentItemId == item.Id).OrderBy(v => v.Number).ToListAsync();
        Assert.Equal([VersionState.Archived, VersionState.Published], versions.Select(v => v.State));
        Assert.Contains("版本测试二", (await GetAsync("/" + path1)).Body);

        await content.ChangeSlugAsync(item.Id, "version-test-renamed", Tester);
        await content.SaveDraftAsync(item.Id, Parts("版本测试三"), Tester);
        await content.PublishAsync(item.Id, Tester);
        var path2 = (await db.ContentItems.AsNoTracking().FirstAsync(i => i.Id == item.Id)).PublicPath!;
        Assert.NotEqual(path1, path2);
        using var response = await Client().GetAsync("/" + path1);
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/" + path2, response.Headers.Location!.OriginalString);
        Assert.Contains("版本测试三", (await GetAsync("/" + path2)).Body);
        Assert.Equal(1, await db.ContentVersions.CountAsync(v => v.ContentItemId == item.Id && v.State == VersionState.Published));

        await content.UnpublishAsync(item.Id, Tester);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("/" + path2)).Status);
    }

    [SkippableFact]
    public async Task Cached_pages_are_evicted_when_something_is_published()
    {
        SkipWithoutStore();
        var first = await GetAsync("/tzgg");
        using (var again = await Client().GetAsync("/tzgg"))
            Assert.True(again.Headers.Age is not null, "第二次请求应命中输出缓存");
        Assert.DoesNotContain("缓存测试通知", first.Body);
        await using var scope = await factory.SiteScopeAsync("portal");
        var content = scope.ServiceProvider.GetRequiredService<ContentService>();
        var siteId = scope.ServiceProvider.GetRequiredService<SiteContext>().SiteId!.Value;
        var item = await content.CreateAsync(new ContentDraft(siteId, "Notice", Parts("缓存测试通知")) { ColumnId = await ColumnIdAsync(scope, "portal", "tzgg") }, Tester);
        await content.PublishAsync(item.Id, Tester);
        Assert.Contains("缓存测试通知", (await GetAsync("/tzgg")).Body);
        Assert.Contains("缓存测试通知", (await GetAsync("/")).Body);
    }

    [SkippableFact]
    public async Task A_malformed_document_number_is_published_as_typed()
    {
        SkipWithoutStore();
        await using var scope = await factory.SiteScopeAsync("portal");
        var content = scope.ServiceProvider.GetRequiredService<ContentService>();
        var siteId = scope.ServiceProvider.GetRequiredService<SiteContext>().SiteId!.Value;
        var parts = Parts("文号格式测试");
        parts["GovDocument"] = new JsonObject { ["documentNumber"] = "奉政办 2018 四十二", ["issuer"] = "区政府办公室", ["writtenDate"] = "2018-07-01" };
        var item = await content.CreateAsync(new ContentDraft(siteId, "PolicyDocument", parts) { ColumnId = await ColumnIdAsync(scope, "portal", "zwgk/zcwj"), Slug = "malformed-number" }, Tester);
        await content.PublishAsync(item.Id, Tester);
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var entry = await db.DocumentIndex.AsNoTracking().FirstAsync(d => d.ContentItemId == item.Id);
        Assert.Equal("奉政办 2018 四十二", entry.DocumentNumber);
        Assert.Null(entry.DocumentNumberCanonical);
        var path = (await db.ContentItems.AsNoTracking().FirstAsync(i => i.Id == item.Id)).PublicPath;
        Assert.Contains("<td class=\"docno\">奉政办 2018 四十二</td>", (await GetAsync("/" + path)).Body);
    }

    [SkippableFact]
    public async Task Bad_content_is_rejected_with_every_field_named_and_nothing_stored()
    {
        SkipWithoutStore();
        await using var scope = await factory.SiteScopeAsync("portal");
        var content = scope.ServiceProvider.GetRequiredService<ContentService>();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var siteId = scope.ServiceProvider.GetRequiredService<SiteContext>().SiteId!.Value;
        var before = await db.ContentItems.CountAsync();
        var parts = new JsonObject { ["Title"] = new JsonObject { ["title"] = "" }, ["GovDocument"] = new JsonObject { ["writtenDate"] = "去年" } };
        var newsColumn = await ColumnIdAsync(scope, "portal", "zwyw");
        var e = await Assert.ThrowsAsync<ValidationException>(() =>
            content.CreateAsync(new ContentDraft(siteId, "PolicyDocument", parts) { ColumnId = newsColumn, Slug = "Bad Slug" }, Tester));
        var fields = e.Errors.Select(x => x.Field).ToList();
        Assert.Contains("slug", fields);
        Assert.Contains("column", fields);
        Assert.Contains("parts.Title.title", fields);
        Assert.Contains("parts.GovDocument.writtenDate", fields);
        Assert.Contains("parts.GovDocument.issuer", fields);
        Assert.Equal(before, await db.ContentItems.CountAsync());
    }

    [SkippableFact]
    public async Task A_recipe_with_a_mistake_names_the_step_and_json_path_and_changes_nothing()
    {
        SkipWithoutStore();
        var file = Path.Combine(factory.DataPath, "broken.recipe.json");
        await File.WriteAllTextAsync(file, """
            { "name": "broken", "steps": [
              { "step": "site", "key": "brk", "name": "坏配方站", "pathPrefix": "/brk" },
              { "step": "columns", "site": "brk", "columns": [ { "slug": "news", "name": "新闻", "contentTypes": ["Article"] } ] },
              { "step": "content", "site": "brk", "items": [ { "type": "Article", "column": "news", "parts": { "Title": { "title": "" } } } ] }
            ] }
            """);
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var sites = await db.Sites.CountAsync();
        var audits = await db.AuditTrail.CountAsync();
        var e = await Assert.ThrowsAsync<RecipeException>(() => scope.ServiceProvider.GetRequiredService<RecipeRunner>().RunAsync(file, null, Tester));
        Assert.Equal(2, e.Step);
        Assert.Equal("content", e.StepName);
        Assert.Equal("$.steps[2].items[0].parts.Title.title", e.JsonPath);
        Assert.Contains("标题不能为空", e.Message);
        await using var check = factory.Scope();
        var db2 = check.ServiceProvider.GetRequiredService<CmsDbContext>();
        Assert.Equal(sites, await db2.Sites.CountAsync());
        Assert.False(await db2.Sites.AnyAsync(s => s.Key == "brk"));
        Assert.False(await db2.CrossSite<Column>().AnyAsync(c => c.Name == "新闻" && c.Path == "news"));
        Assert.Equal(audits, await db2.AuditTrail.CountAsync());
    }

    [SkippableFact]
    public async Task The_department_site_cli_adds_a_working_sub_site_and_refuses_a_duplicate()
    {
        SkipWithoutStore();
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await Cli.CliApp.RunAsync(["site", "create", "--recipe", "department-site", "--key", "jyj", "--name", "区教育局", "--path", "/jyj"], output, error, factory.StoreSettings);
        Assert.True(code == 0, error.ToString());
        Assert.Contains("jyj", output.ToString());
        factory.Services.GetRequiredService<SiteCatalog>().Invalidate();
        var (status, html) = await GetAsync("/jyj/");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<meta name=\"SiteName\" content=\"区教育局\">", html);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/jyj/zfxxgk/jgzn")).Status);

        var again = new StringWriter();
        Assert.Equal(2, await Cli.CliApp.RunAsync(["site", "create", "--recipe", "department-site", "--key", "jyj", "--name", "别的名字", "--path", "/jyj2"], output, again, factory.StoreSettings));
        Assert.Contains("$.steps[0].key", again.ToString());
        Assert.Contains("已存在", again.ToString());
        await using var scope = factory.Scope();
        Assert.Equal("区教育局", (await scope.ServiceProvider.GetRequiredService<CmsDbContext>().Sites.FirstAsync(s => s.Key == "jyj")).Name);
    }

    [SkippableFact]
    public async Task Host_names_win_over_path_prefixes_and_disabled_sites_answer_404()
    {
        SkipWithoutStore();
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var catalog = factory.Services.GetRequiredService<SiteCatalog>();
        var fgj = await db.Sites.FirstAsync(s => s.Key == "fgj");
        fgj.HostNames = ["fgj.fh.gov.cn"];
        await db.SaveChangesAsync();
        catalog.Invalidate();
        try
        {
            var (status, html) = await GetAsync("/", host: "fgj.fh.gov.cn");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains("<meta name=\"SiteName\" content=\"宁波市奉化区发展和改革局\">", html);
            Assert.Contains("<meta name=\"SiteName\" content=\"宁波市奉化区人民政府\">", (await GetAsync("/", host: "www.fh.gov.cn")).Body);

            fgj.Enabled = false;
            await db.SaveChangesAsync();
            catalog.Invalidate();
            Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("/fgj/")).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("/", host: "fgj.fh.gov.cn")).Status);
        }
        finally
        {
            fgj.HostNames = [];
            fgj.Enabled = true;
            await db.SaveChangesAsync();
            catalog.Invalidate();
        }
    }

    [SkippableFact]
    public async Task Health_robots_sitemap_and_the_themed_404_page()
    {
        SkipWithoutStore();
        Assert.Equal((HttpStatusCode.OK, "ok"), await GetAsync("/healthz"));
        var (_, robots) = await GetAsync("/czj/robots.txt");
        Assert.Contains("Sitemap: http://localhost/czj/sitemap.xml", robots);
        var (_, sitemap) = await GetAsync("/sitemap.xml");
        Assert.Contains("<loc>http://localhost/zwgk/zcwj/2018/fzbf-2018-42</loc>", sitemap);
        Assert.DoesNotContain("czj-2018-yjsgc", sitemap);
        var (status, notFound) = await GetAsync("/no/such/page");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("您访问的页面不存在", notFound);
        Assert.Contains("<meta name=\"SiteIDCode\"", notFound);
    }

    [SkippableFact]
    public async Task Every_change_is_audited_in_a_chain_that_detects_tampering()
    {
        SkipWithoutStore();
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        Assert.True(await db.AuditTrail.AnyAsync(a => a.Action == "content.publish"));
        Assert.True(await db.AuditTrail.AnyAsync(a => a.Action == "site.create" && a.Target == "site:czj"));
        Assert.Null(await AuditLog.VerifyAsync(db));
        var verify = new StringWriter();
        Assert.Equal(0, await Cli.CliApp.RunAsync(["audit", "verify"], verify, new StringWriter(), factory.StoreSettings));
        Assert.Contains("校验通过", verify.ToString());

        // Someone edits a stored entry behind the product's back: the chain shows where.
        var victim = await db.AuditTrail.OrderBy(a => a.Id).Skip(3).FirstAsync();
        var original = victim.Details;
        victim.Details = "篡改";
        await db.SaveChangesAsync();
        try
        {
            Assert.Equal(victim.Id, await AuditLog.VerifyAsync(db));
            Assert.Equal(3, await Cli.CliApp.RunAsync(["audit", "verify"], new StringWriter(), new StringWriter(), factory.StoreSettings));
        }
        finally
        {
            victim.Details = original;
            await db.SaveChangesAsync();
        }
        Assert.Null(await AuditLog.VerifyAsync(db));
    }

    private static JsonObject Parts(string title) => new()
    {
        ["Title"] = new JsonObject { ["title"] = title },
        ["MarkdownBody"] = new JsonObject { ["markdown"] = title + "的正文。" },
    };

    private static async Task<int> ColumnIdAsync(AsyncServiceScope scope, string site, string path)
    {
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        return await db.CrossSite<Column>().Where(c => c.Path == path && db.Sites.Any(s => s.Id == c.SiteId && s.Key == site)).Select(c => c.Id).FirstAsync();
    }
}

public sealed class SqlitePlatformTests(SqliteCmsFactory factory) : PlatformTests(factory), IClassFixture<SqliteCmsFactory>;

public sealed class PostgresPlatformTests(PostgresCmsFactory factory) : PlatformTests(factory), IClassFixture<PostgresCmsFactory>;
