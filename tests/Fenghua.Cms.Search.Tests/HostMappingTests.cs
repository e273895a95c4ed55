using System.Text.Json.Nodes;
using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Core.Sites;
using Fenghua.Cms.Search.Hosting;

namespace Fenghua.Cms.Search.Tests;

/// <summary>Content item → SearchDocument (what the product indexes), the write lock, and lock-free stats.</summary>
public sealed class HostMappingTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "fh-search-map-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try { Directory.Delete(_root, true); } catch (IOException) { }
    }

    private static readonly Site Czj = new() { Id = 2, Key = "czj", Name = "宁波市奉化区财政局", PathPrefix = "/czj" };

    private static (ContentItem, ContentVersion) Item(string type, JsonObject parts) =>
        (new ContentItem
        {
            Id = 42, SiteId = 2, ContentType = type, PublicPath = "zfxxgk/zcwj/2018/fzbf-2018-42", Title = "旧标题",
            PublishedUtc = new DateTimeOffset(2018, 12, 31, 17, 30, 0, TimeSpan.Zero), // 2019-01-01 01:30 in Beijing
        },
        new ContentVersion { Id = 7, SiteId = 2, ContentItemId = 42, Title = "关于印发某某办法的通知", Parts = parts, State = VersionState.Published });

    [Fact]
    public void A_policy_document_keeps_its_number_as_typed_and_dates_in_Beijing_time()
    {
        var (item, version) = Item("PolicyDocument", new JsonObject
        {
            ["Title"] = new JsonObject { ["title"] = "关于印发某某办法的通知" },
            ["MarkdownBody"] = new JsonObject { ["markdown"] = "# 第一条\n\n为了**规范**管理，制定本办法。" },
            ["Summary"] = new JsonObject { ["summary"] = "摘要文字" },
            ["Keywords"] = new JsonObject { ["keywords"] = "财政,办法" },
            ["GovDocument"] = new JsonObject
            {
                ["documentNumber"] = "奉财发[2018]3号", ["issuer"] = "宁波市奉化区财政局", ["writtenDate"] = "2018-12-20", ["validity"] = "有效",
            },
        });
        var d = SearchDocumentMapper.Map(item, version, Czj, "zfxxgk/zcwj");
        Assert.Equal("42", d.Id);
        Assert.Equal("czj", d.SiteKey);
        Assert.Equal("宁波市奉化区财政局", d.SiteName);
        Assert.Equal("PolicyDocument", d.ContentType);
        Assert.Equal("zfxxgk/zcwj", d.ColumnPath);
        Assert.Equal("关于印发某某办法的通知", d.Title);
        Assert.Equal("奉财发[2018]3号", d.DocumentNumber);
        Assert.Equal("宁波市奉化区财政局", d.Issuer);
        Assert.Equal(new DateOnly(2018, 12, 20), d.WrittenDate);
        Assert.Equal("有效", d.Validity);
        Assert.Equal("/czj/zfxxgk/zcwj/2018/fzbf-2018-42", d.Url);
        Assert.Equal(2019, d.PublishedAt.Year);
        Assert.Equal(TimeSpan.FromHours(8), d.PublishedAt.Offset);
        Assert.StartsWith("摘要文字", d.Body);
        Assert.Contains("为了规范管理，制定本办法。", d.Body);
        Assert.DoesNotContain("**", d.Body);
        Assert.DoesNotContain("#", d.Body);
        Assert.Contains("财政,办法", d.Body);
        Assert.Null(d.GazetteYear);
    }

    [Fact]
    public void A_gazette_article_maps_its_placement_so_gazette_search_can_filter_by_it()
    {
        var (item, version) = Item("GazetteArticle", new JsonObject
        {
            ["Title"] = new JsonObject { ["title"] = "关于印发某某办法的通知" },
            ["GazettePlacement"] = new JsonObject { ["year"] = 2018, ["issue"] = "3", ["section"] = "区政府文件", ["order"] = 2, ["issueId"] = 9 },
        });
        var d = SearchDocumentMapper.Map(item, version, Czj, null);
        Assert.Equal(2018, d.GazetteYear);
        Assert.Equal(3, d.GazetteIssue);
        Assert.Equal("区政府文件", d.GazetteSection);

        using var index = new SearchIndex(Path.Combine(_root, "g"));
        index.Upsert([d]);
        index.Commit(1);
        index.MaybeRefresh();
        var r = index.Search(new SearchQuery { GazetteYear = 2018, GazetteIssue = 3, GazetteSection = "区政府文件", WithFacets = true });
        Assert.Equal("42", Assert.Single(r.Hits).Id);
        Assert.Equal(3, r.Hits[0].GazetteIssue);
        Assert.Equal(0, index.Search(new SearchQuery { GazetteYear = 2018, GazetteIssue = 4 }).Total);
    }

    [Fact]
    public void A_site_bound_to_a_host_name_only_links_by_host()
    {
        var site = new Site { Key = "jyj", Name = "区教育局", HostNames = ["jyj.fh.gov.cn"] };
        Assert.Equal("//jyj.fh.gov.cn/tzgg/2024/a", SearchDocumentMapper.Url(site, "tzgg/2024/a"));
        Assert.Equal("/tzgg/2024/a", SearchDocumentMapper.Url(new Site { Key = "portal" }, "tzgg/2024/a"));
    }

    [Fact]
    public void A_second_writer_on_the_same_folder_is_refused_and_never_wipes_the_first_ones_work()
    {
        var path = Path.Combine(_root, "lock");
        using var first = new SearchIndex(path);
        // The first writer has uncommitted work and no commit yet: the folder looks "missing" to an inspector.
        first.Upsert([new SearchDocument { Id = "1", SiteKey = "portal", ContentType = "Article", Title = "锁测试文档", PublishedAt = DateTimeOffset.UtcNow }]);
        Assert.ThrowsAny<Lucene.Net.Store.LockObtainFailedException>(() => new SearchIndex(path));
        first.Commit(5);
        first.MaybeRefresh();
        Assert.Equal(1, first.Search(new SearchQuery { Text = "锁测试文档" }).Total);

        // Counting needs no lock.
        var stats = SearchIndex.ReadCommittedStats(path);
        Assert.Equal(1, stats.Total);
        Assert.Equal(5, stats.LastAppliedSequence);
        Assert.False(stats.NeedsRebuild);
        Assert.Equal(1, stats.BySite["portal"]);
        Assert.True(SearchIndex.ReadCommittedStats(Path.Combine(_root, "nothing-here")).NeedsRebuild);
    }
}
