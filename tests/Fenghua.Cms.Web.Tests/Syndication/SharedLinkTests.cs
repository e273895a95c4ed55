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
}
