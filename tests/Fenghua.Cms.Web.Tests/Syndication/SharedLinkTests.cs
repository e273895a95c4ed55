using Fenghua.Cms.Core.Sites;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Content;
using Fenghua.Cms.Syndication.Sharing;
using Fenghua.Cms.Web.Tests.Editorial;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fenghua.Cms.Web.Tests.Syndication;

/// <summary>A shared item of a site bound to its own host name links to that host, not to a path of the portal.</summary>
public sealed class SharedLinkTests(SqliteCmsFactory factory) : IClassFixture<SqliteCmsFactory>
{
    [Fact]
    public async Task An_item_shared_by_a_host_bound_site_links_to_its_host_on_the_portal_page_and_in_the_feed()
    {
        var (code, output, error) = await new EditorialHarness(factory).CliAsync(
            "site", "create", "--recipe", "department-site", "--key", "jyj", "--name", "宁波市奉化区教育局", "--path", "/jyj", "--host", "jyj.fh.gov.cn");
        Assert.True(code == 0, output + error);

        int itemId;
        string path;
        await using (var scope = await factory.SiteScopeAsync("jyj"))
        {
            var content = scope.ServiceProvider.GetRequiredService<ContentService>();
            var siteId = scope.ServiceProvider.GetRequiredService<SiteContext>().SiteId!.Value;
            var item = await content.CreateAsync(new ContentDraft(siteId, "Notice", SyndicationTestData.Parts("教育局报送的招生通知", "招生通知正文。"))
                { ColumnId = await SyndicationTestData.ColumnIdAsync(scope.ServiceProvider, "jyj", "tzgg") }, SyndicationTestData.Editor);
            await content.PublishAsync(item.Id, SyndicationTestData.Editor);
            itemId = item.Id;
            path = (await scope.ServiceProvider.GetRequiredService<CmsDbContext>().ContentItems.AsNoTracking().FirstAsync(i => i.Id == item.Id)).PublicPath!;
            var portal = await scope.ServiceProvider.GetRequiredService<CmsDbContext>().Sites.AsNoTracking().FirstAsync(s => s.Key == "portal");
            var shares = scope.ServiceProvider.GetRequiredService<ShareService>();
            var share = await shares.SubmitAsync(siteId, itemId, "portal", "tzgg", SyndicationTestData.Editor);
            await shares.AcceptAsync(portal.Id, share.Id, "采用", SyndicationTestData.Editor);
        }

        using var client = factory.CreateClient();
        var list = await client.GetStringAsync("/tzgg");
        Assert.Contains($"<a href=\"//jyj.fh.gov.cn/{path}\">教育局报送的招生通知</a>", list);
        Assert.DoesNotContain($"href=\"/{path}\"", list);
        var atom = await client.GetStringAsync("/feeds/tzgg.atom");
        Assert.Contains($"http://jyj.fh.gov.cn/{path}", atom);

        // And the link works: on its host the site serves the item at that path.
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/{path}");
        request.Headers.Host = "jyj.fh.gov.cn";
        using var page = await client.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("教育局报送的招生通知", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task With_the_portal_bound_to_its_host_prefixed_sites_still_resolve_there_and_are_linked_on_that_host()
    {
        var catalog = factory.Services.GetRequiredService<Fenghua.Cms.Data.Sites.SiteCatalog>();
        int itemId;
        string path;
        await using (var scope = await factory.SiteScopeAsync("czj"))
        {
            var content = scope.ServiceProvider.GetRequiredService<ContentService>();
            var siteId = scope.ServiceProvider.GetRequiredService<SiteContext>().SiteId!.Value;
            var item = await content.CreateAsync(new ContentDraft(siteId, "Notice", SyndicationTestData.Parts("财政局报送的预算公开通知", "正文。"))
                { ColumnId = await SyndicationTestData.ColumnIdAsync(scope.ServiceProvider, "czj", "tzgg") }, SyndicationTestData.Editor);
            await content.PublishAsync(item.Id, SyndicationTestData.Editor);
            itemId = item.Id;
            var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
            path = (await db.ContentItems.AsNoTracking().FirstAsync(i => i.Id == item.Id)).PublicPath!;
            var portal = await db.Sites.FirstAsync(s => s.Key == "portal");
            var shares = scope.ServiceProvider.GetRequiredService<ShareService>();
            var share = await shares.SubmitAsync(siteId, itemId, "portal", "tzgg", SyndicationTestData.Editor);
            await shares.AcceptAsync(portal.Id, share.Id, "采用", SyndicationTestData.Editor);
            portal.HostNames = ["www.fh.gov.cn"];
            await db.SaveChangesAsync();
        }
        catalog.Invalidate();
        try
        {
            using var client = factory.CreateClient();
            async Task<string> GetAsync(string url)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.Host = "www.fh.gov.cn";
                using var response = await client.SendAsync(request);
                Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
                return await response.Content.ReadAsStringAsync();
            }
            Assert.Contains("<meta name=\"SiteName\" content=\"宁波市奉化区财政局\">", await GetAsync("/czj/"));
            Assert.Contains("<meta name=\"SiteName\" content=\"宁波市奉化区人民政府\">", await GetAsync("/"));
            Assert.Contains($"<a href=\"//www.fh.gov.cn/czj/{path}\">财政局报送的预算公开通知</a>", await GetAsync("/tzgg"));
            Assert.Contains("财政局报送的预算公开通知", await GetAsync($"/czj/{path}"));
        }
        finally
        {
            await using var scope = factory.Scope();
            var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
            (await db.Sites.FirstAsync(s => s.Key == "portal")).HostNames = [];
            await db.SaveChangesAsync();
            catalog.Invalidate();
        }
    }
}
