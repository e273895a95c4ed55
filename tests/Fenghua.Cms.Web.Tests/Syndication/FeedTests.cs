using System.Net;
using System.Net.Http.Headers;
using Fenghua.Cms.Core.Columns;
using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Core.Sites;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Content;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Fenghua.Cms.Web.Tests.Syndication.SyndicationTestData;

namespace Fenghua.Cms.Web.Tests.Syndication;

/// <summary>RSS, Atom and JSON Feed of every site and list column, read by a real parser; conditional GETs.</summary>
public abstract class FeedTests(CmsFactory factory)
{
    private static readonly string[] Formats = ["rss", "atom", "json"];
    private static readonly Dictionary<string, string> Versions = new() { ["rss"] = "rss20", ["atom"] = "atom10", ["json"] = "json11" };

    private HttpClient Client() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private void SkipWithoutStore() => Skip.If(factory.Unavailable is not null, factory.Unavailable);

    [SkippableFact]
    public async Task Every_feed_of_every_site_and_list_column_parses_without_warnings_and_lists_the_published_items()
    {
        SkipWithoutStore();
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var sites = await db.Sites.AsNoTracking().Where(s => s.Enabled).ToListAsync();
        var columns = await db.CrossSite<Column>().AsNoTracking().Where(c => c.Kind == ColumnKind.List).ToListAsync();
        var items = await db.CrossSite<ContentItem>().AsNoTracking().Where(i => i.PublishedVersionId != null).ToListAsync();
        var folder = Directory.CreateDirectory(Path.Combine(factory.DataPath, "feeds-" + Guid.NewGuid().ToString("N")[..6])).FullName;
        var expected = new Dictionary<string, (string Url, List<ContentItem> Items, string Format)>();
        using var client = Client();
        foreach (var site in sites)
        {
            var feeds = new List<(string Path, List<ContentItem> Items)> { ("all", items.Where(i => i.SiteId == site.Id).ToList()) };
            foreach (var c in columns.Where(c => c.SiteId == site.Id))
            {
                var ids = columns.Where(x => x.SiteId == site.Id && (x.Id == c.Id || x.Path.StartsWith(c.Path + "/"))).Select(x => x.Id).ToHashSet();
                feeds.Add((c.Path, items.Where(i => i.ColumnId is { } cid && ids.Contains(cid)).ToList()));
            }
            foreach (var (path, feedItems) in feeds)
                foreach (var format in Formats)
                {
                    var url = $"{site.PathPrefix}/feeds/{path}.{format}";
                    using var response = await client.GetAsync(url);
                    Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode}");
                    Assert.Equal(format switch { "rss" => "application/rss+xml", "atom" => "application/atom+xml", _ => "application/feed+json" }, response.Content.Headers.ContentType!.MediaType);
                    Assert.NotNull(response.Headers.ETag);
                    Assert.NotNull(response.Content.Headers.LastModified);
                    var file = Path.Combine(folder, $"{site.Key}-{path.Replace('/', '_')}.{format}");
                    await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync());
                    expected[file] = (url, feedItems.OrderByDescending(i => i.PublishedUtc).ThenByDescending(i => i.Id).Take(50).ToList(), format);
                }
        }
        Assert.True(expected.Count >= 4 * 3 * 2, "每个站点至少应有全站和一个栏目的三种订阅");

        var parsed = await FeedParser.ParseAsync(expected.Keys.ToList());
        foreach (var (file, (url, feedItems, format)) in expected)
        {
            var feed = parsed[file]!.AsObject();
            Assert.True((int)feed["bozo"]! == 0, $"{url} 解析警告：{feed["error"]}");
            Assert.Equal(Versions[format], (string?)feed["version"]);
            Assert.False(string.IsNullOrEmpty((string?)feed["title"]), url);
            Assert.Equal("http://localhost" + url, (string?)feed["self"]);
            var entries = feed["entries"]!.AsArray();
            Assert.Equal(feedItems.Count, entries.Count);
            for (var i = 0; i < entries.Count; i++)
            {
                var e = entries[i]!.AsObject();
                var item = feedItems[i];
                Assert.EndsWith($":content/{item.Id}", (string?)e["id"]);
                Assert.StartsWith("http://localhost/", (string?)e["link"]);
                Assert.EndsWith("/" + item.PublicPath, (string?)e["link"]);
                Assert.Equal(item.Title, (string?)e["title"]);
                Assert.NotNull(e["published_parsed"]);
                var published = e["published_parsed"]!.AsArray().Select(n => (int)n!).ToArray();
                var utc = item.PublishedUtc!.Value.UtcDateTime;
                Assert.Equal(new[] { utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, utc.Second }, published);
                Assert.False(string.IsNullOrEmpty((string?)e["content"]), $"{url} 第 {i} 条没有全文");
                Assert.False(string.IsNullOrEmpty((string?)e["author"]), $"{url} 第 {i} 条没有作者");
            }
        }
    }

    [SkippableFact]
    public async Task Rss_dates_are_rfc822_in_beijing_time_and_atom_dates_rfc3339()
    {
        SkipWithoutStore();
        using var client = Client();
        var rss = await client.GetStringAsync("/feeds/zwgk/zcwj.rss");
        Assert.Contains("<pubDate>Thu, 02 Aug 2018 09:30:00 +0800</pubDate>", rss);
        Assert.Contains("<atom:link href=\"http://localhost/feeds/zwgk/zcwj.rss\" rel=\"self\" type=\"application/rss+xml\" />", rss);
        Assert.Contains("<guid isPermaLink=\"false\">tag:www.fh.gov.cn,2018:content/", rss);
        var atom = await client.GetStringAsync("/feeds/zwgk/zcwj.atom");
        Assert.Contains("<published>2018-08-02T09:30:00+08:00</published>", atom);
        Assert.Contains("<name>宁波市奉化区人民政府办公室</name>", atom);
        var json = await client.GetStringAsync("/feeds/zwgk/zcwj.json");
        Assert.Contains("\"date_published\": \"2018-08-02T09:30:00+08:00\"", json);
        Assert.Contains("\"content_html\": \"", json);
    }

    [SkippableFact]
    public async Task Conditional_requests_get_304_until_something_is_published()
    {
        SkipWithoutStore();
        using var client = Client();
        foreach (var format in Formats)
        {
            using var first = await client.GetAsync($"/czj/feeds/all.{format}");
            var etag = first.Headers.ETag!;
            var lastModified = first.Content.Headers.LastModified!.Value;

            using var byTag = new HttpRequestMessage(HttpMethod.Get, $"/czj/feeds/all.{format}");
            byTag.Headers.IfNoneMatch.Add(etag);
            using var notModified = await client.SendAsync(byTag);
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

            using var byDate = new HttpRequestMessage(HttpMethod.Get, $"/czj/feeds/all.{format}");
            byDate.Headers.IfModifiedSince = lastModified;
            using var notModified2 = await client.SendAsync(byDate);
            Assert.Equal(HttpStatusCode.NotModified, notModified2.StatusCode);

            using var otherTag = new HttpRequestMessage(HttpMethod.Get, $"/czj/feeds/all.{format}");
            otherTag.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"stale\""));
            using var changed = await client.SendAsync(otherTag);
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        }

        using var before = await client.GetAsync("/czj/feeds/all.atom");
        var oldTag = before.Headers.ETag!;
        await using (var scope = await factory.SiteScopeAsync("czj"))
        {
            var content = scope.ServiceProvider.GetRequiredService<ContentService>();
            var siteId = scope.ServiceProvider.GetRequiredService<SiteContext>().SiteId!.Value;
            var item = await content.CreateAsync(new ContentDraft(siteId, "Article", Parts("订阅更新测试稿", "订阅**全文**。"))
                { ColumnId = await ColumnIdAsync(scope.ServiceProvider, "czj", "gzdt") }, Editor);
            await content.PublishAsync(item.Id, Editor);
        }
        using var after = new HttpRequestMessage(HttpMethod.Get, "/czj/feeds/all.atom");
        after.Headers.IfNoneMatch.Add(oldTag);
        using var fresh = await client.SendAsync(after);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        var body = await fresh.Content.ReadAsStringAsync();
        Assert.Contains("订阅更新测试稿", body);
        Assert.Contains("&lt;strong&gt;全文&lt;/strong&gt;", body);
        Assert.NotEqual(oldTag, fresh.Headers.ETag);
    }

    [SkippableFact]
    public async Task A_search_is_a_feed_too()
    {
        SkipWithoutStore();
        await using (var scope = await factory.SiteScopeAsync("czj"))
        {
            var content = scope.ServiceProvider.GetRequiredService<ContentService>();
            var siteId = scope.ServiceProvider.GetRequiredService<SiteContext>().SiteId!.Value;
            var item = await content.CreateAsync(new ContentDraft(siteId, "Article", Parts("绩效评价订阅检索测试", "财政绩效评价结果公开。"))
                { ColumnId = await ColumnIdAsync(scope.ServiceProvider, "czj", "gzdt") }, Editor);
            await content.PublishAsync(item.Id, Editor);
        }
        using var client = Client();
        // The node's index follows the outbox; wait until it has caught up with the publication.
        for (var i = 0; i < 100 && !(await client.GetStringAsync("/api/search?q=" + Uri.EscapeDataString("绩效评价订阅检索测试"))).Contains("绩效评价订阅检索测试"); i++)
            await Task.Delay(100);
        var url = "/search/feed.atom?q=" + Uri.EscapeDataString("绩效评价订阅检索测试");
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        var file = Path.Combine(factory.DataPath, "search-" + Guid.NewGuid().ToString("N")[..6] + ".atom");
        await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync());
        var feed = (await FeedParser.ParseAsync([file]))[file]!.AsObject();
        Assert.True((int)feed["bozo"]! == 0, (string?)feed["error"]);
        var entry = Assert.Single(feed["entries"]!.AsArray(), e => (string?)e!["title"] == "绩效评价订阅检索测试")!;
        Assert.StartsWith("http://localhost/czj/gzdt/", (string?)entry["link"]);
        Assert.Equal("http://localhost" + url, (string?)feed["self"]);

        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);
        using var noQuery = await client.GetAsync("/search/feed.atom");
        Assert.Equal(HttpStatusCode.BadRequest, noQuery.StatusCode);
        Assert.Contains("\"parameter\":\"q\"", await noQuery.Content.ReadAsStringAsync());
    }

    [SkippableFact]
    public async Task Pages_carry_autodiscovery_links_and_unknown_feeds_answer_404()
    {
        SkipWithoutStore();
        using var client = Client();
        var home = await client.GetStringAsync("/czj/");
        Assert.Contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"宁波市奉化区财政局 Atom\" href=\"/czj/feeds/all.atom\">", home);
        var column = await client.GetStringAsync("/zwgk/zcwj");
        Assert.Contains("href=\"/feeds/zwgk/zcwj.rss\"", column);
        Assert.Contains("type=\"application/feed+json\" title=\"政策文件 JSON Feed\" href=\"/feeds/zwgk/zcwj.json\"", column);
        var page = await client.GetStringAsync("/zwgk/gkzn");
        Assert.DoesNotContain("/feeds/zwgk/gkzn", page);
        foreach (var url in new[] { "/feeds/zwgk/gkzn.rss", "/feeds/nope.atom", "/feeds/all.xml", "/czj/feeds/zwyw.rss" })
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
    }
}

public sealed class SqliteFeedTests(SqliteCmsFactory factory) : FeedTests(factory), IClassFixture<SqliteCmsFactory>;

public sealed class PostgresFeedTests(PostgresCmsFactory factory) : FeedTests(factory), IClassFixture<PostgresCmsFactory>;
