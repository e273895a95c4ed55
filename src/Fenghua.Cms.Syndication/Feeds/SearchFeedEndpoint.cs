using System.Globalization;
using System.Security.Cryptography;
using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Data;
using Fenghua.Cms.Search;
using Fenghua.Cms.Search.Hosting;
using Fenghua.Cms.Search.Web;
using Fenghua.Cms.Theming.Public;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Fenghua.Cms.Theming.Http;

namespace Fenghua.Cms.Syndication.Feeds;

/// <summary>
/// GET /search/feed.atom?q=…: a saved search as an Atom feed, newest first, with the same parameters and
/// site scope as /search (the node's search index). Not output-cached, like the search pages: the index
/// catches up a moment after a publication; ETag still gives 304s.
/// </summary>
public static class SearchFeedEndpoint
{
    public const int MaxEntries = 50;

    public static void Map(WebApplication app)
    {
        app.MapGet("/search/feed.atom", async (HttpContext http, SearchRequestReader reader, SearchIndexHost host, CmsDbContext db, CancellationToken ct) =>
        {
            var request = await reader.ReadAsync(http.Request.Query, ct);
            if (request.Error is { } error) return ApiProblem.BadParameter("搜索参数无效", $"参数 {error.Parameter}：{error.Rule}", error.Parameter);
            if (string.IsNullOrWhiteSpace(request.Query!.Text)) return ApiProblem.BadParameter("搜索参数无效", "参数 q：订阅搜索结果需要关键词。", "q");
            SearchResult result;
            try { result = host.Search(request.Query with { Sort = SearchSort.Newest, Page = 1, PerPage = MaxEntries, WithFacets = false, WithHighlights = false }); }
            catch (SearchIndexUnavailableException e) { return new ApiProblem(503, "搜索暂不可用", e.Message, null); }

            var ids = result.Hits.Select(h => int.Parse(h.Id, CultureInfo.InvariantCulture)).ToList();
            // Named cross-site read: the portal's search covers every site of the group.
            var items = await db.CrossSite<ContentItem>().AsNoTracking().Where(i => ids.Contains(i.Id) && i.PublishedVersionId != null).ToDictionaryAsync(i => i.Id, ct);
            var versionIds = items.Values.Select(i => i.PublishedVersionId!.Value).ToList();
            var versions = await db.CrossSite<ContentVersion>().AsNoTracking().Where(v => versionIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, ct);
            var site = request.CurrentSite;
            var root = $"{http.Request.Scheme}://{http.Request.Host}";
            var domain = site.Settings.SiteDomain.Length > 0 ? site.Settings.SiteDomain : http.Request.Host.Host;
            var entries = result.Hits.Where(h => items.ContainsKey(int.Parse(h.Id, CultureInfo.InvariantCulture))).Select(h =>
            {
                var item = items[int.Parse(h.Id, CultureInfo.InvariantCulture)];
                var v = versions[item.PublishedVersionId!.Value];
                var html = AbsoluteLinks.Rewrite(PublicContentReader.BodyHtml(v), root);
                var summary = PublicContentReader.PlainSummary(v, 200);
                if (string.IsNullOrWhiteSpace(html)) html = $"<p>{System.Net.WebUtility.HtmlEncode(summary.Length > 0 ? summary : v.Title)}</p>";
                var url = h.Url.StartsWith("//", StringComparison.Ordinal) ? $"{http.Request.Scheme}:{h.Url}" : root + h.Url;
                var updated = item.ModifiedUtc > item.PublishedUtc!.Value ? item.ModifiedUtc : item.PublishedUtc.Value;
                return new FeedEntry(FeedReader.EntryId(domain, item.Id), url, v.Title, summary, html, item.PublishedUtc.Value, updated,
                    h.Issuer is { Length: > 0 } issuer ? issuer : h.SiteName, "", h.SiteKey == site.Key ? null : h.SiteName);
            }).ToList();

            var q = request.Query.Text!;
            var self = PublicPages.AbsoluteUrl(http, "search/feed.atom") + http.Request.QueryString.Value;
            var feed = new FeedDocument($"tag:{domain},2018:{site.Key}/search?q={Uri.EscapeDataString(q)}", $"“{q}”的搜索结果 - {site.Name}",
                $"{site.Name}中含“{q}”的最新信息", PublicPages.AbsoluteUrl(http, "search") + http.Request.QueryString.Value, "",
                site.Settings.Organiser.Length > 0 ? site.Settings.Organiser : site.Name,
                entries.Count > 0 ? entries.Max(e => e.Updated) : site.CreatedUtc, entries) { FixedSelfUrl = self };
            var body = AtomWriter.Write(feed);
            var etag = new EntityTagHeaderValue("\"" + Convert.ToHexString(SHA256.HashData(body))[..32].ToLowerInvariant() + "\"");
            http.Response.GetTypedHeaders().ETag = etag;
            http.Response.Headers.CacheControl = "no-cache";
            return FeedEndpoints.NotModified(http.Request, etag, DateTimeOffset.MinValue)
                ? Results.StatusCode(StatusCodes.Status304NotModified)
                : Results.Bytes(body, FeedFormats.ContentType(FeedFormat.Atom));
        });
    }
}
