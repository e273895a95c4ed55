using Fenghua.Cms.Core.Columns;
using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Core.Sites;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Syndication;
using Fenghua.Cms.Theming.Public;
using Microsoft.EntityFrameworkCore;

namespace Fenghua.Cms.Syndication.Feeds;

/// <summary>
/// Builds the feed of the current site or of one of its list columns: published items only, newest
/// first, plus items other sites shared to the column and the column's reviewers accepted.
/// </summary>
public sealed class FeedReader(CmsDbContext db, SiteContext siteContext, Data.Sites.SiteCatalog catalog)
{
    public const int MaxEntries = 50;

    /// <summary>The column a feed path names, or null; "all" is the whole site.</summary>
    public async Task<Column?> ColumnAsync(string path, CancellationToken ct) =>
        await db.Columns.AsNoTracking().FirstOrDefaultAsync(c => c.Path == path && c.Kind == ColumnKind.List, ct);

    /// <summary>When anything in scope last changed (also unpublished items, so a withdrawal is never answered with 304).</summary>
    public async Task<DateTimeOffset> LastChangeAsync(Column? column, CancellationToken ct)
    {
        var ids = column is null ? null : await ColumnIdsAsync(column, ct);
        var items = db.ContentItems.AsNoTracking().Where(i => ids == null || (i.ColumnId != null && ids.Contains(i.ColumnId.Value)));
        var last = await items.Select(i => (DateTimeOffset?)i.ModifiedUtc).ToListAsync(ct);
        var max = last.Count > 0 ? last.Max()!.Value : DateTimeOffset.UnixEpoch;
        if (column is not null)
        {
            var shared = await SharedItemsQuery(column.Id).Select(i => (DateTimeOffset?)i.ModifiedUtc).ToListAsync(ct);
            var decided = await db.ContentShares.AsNoTracking().Where(s => s.ColumnId == column.Id).Select(s => s.DecidedUtc ?? s.SubmittedUtc).ToListAsync(ct);
            foreach (var t in shared.Concat(decided.Select(d => (DateTimeOffset?)d))) if (t > max) max = t.Value;
        }
        return max;
    }

    public async Task<FeedDocument> BuildAsync(HttpContext http, Column? column, string feedPath, CancellationToken ct)
    {
        var site = siteContext.Site!;
        var ids = column is null ? null : await ColumnIdsAsync(column, ct);
        var own = await db.ContentItems.AsNoTracking()
            .Where(i => i.PublishedVersionId != null && i.PublicPath != null && (ids == null || (i.ColumnId != null && ids.Contains(i.ColumnId.Value))))
            .OrderByDescending(i => i.PublishedUtc).ThenByDescending(i => i.Id).Take(MaxEntries).ToListAsync(ct);
        var shared = column is null ? [] : await SharedItemsQuery(column.Id)
            .OrderByDescending(i => i.PublishedUtc).ThenByDescending(i => i.Id).Take(MaxEntries).ToListAsync(ct);
        var items = own.Concat(shared).OrderByDescending(i => i.PublishedUtc).ThenByDescending(i => i.Id).Take(MaxEntries).ToList();

        var versionIds = items.Select(i => i.PublishedVersionId!.Value).ToList();
        // Named cross-site read: shared items stay at their source site, the one source of truth.
        var versions = await db.CrossSite<ContentVersion>().AsNoTracking().Where(v => versionIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, ct);
        var columnNames = await db.CrossSite<Column>().AsNoTracking().Where(c => items.Select(i => i.ColumnId).Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var all = await catalog.AllAsync(ct); // the routing copy: no query per feed request
        var sites = all.ToDictionary(s => s.Id);
        var portal = SiteLinks.Portal(all);
        var root = $"{http.Request.Scheme}://{http.Request.Host}";
        var domain = site.Settings.SiteDomain.Length > 0 ? site.Settings.SiteDomain : http.Request.Host.Host;

        var entries = items.Select(i =>
        {
            var v = versions[i.PublishedVersionId!.Value];
            var source = sites[i.SiteId];
            var url = PublicPages.AbsoluteUrl(http, SiteLinks.ToPage(source, i.PublicPath!, portal));
            var html = AbsoluteLinks.Rewrite(PublicContentReader.BodyHtml(v), root);
            var summary = PublicContentReader.PlainSummary(v, 200);
            // An item without a body (a short notice) still gives readers its text.
            if (string.IsNullOrWhiteSpace(html)) html = $"<p>{System.Net.WebUtility.HtmlEncode(summary.Length > 0 ? summary : v.Title)}</p>";
            var updated = i.ModifiedUtc > i.PublishedUtc!.Value ? i.ModifiedUtc : i.PublishedUtc.Value;
            var author = v.Part("GovDocument")?["issuer"]?.GetValue<string>() is { Length: > 0 } issuer ? issuer : source.Name;
            return new FeedEntry(EntryId(domain, i.Id), url, v.Title, summary, html,
                i.PublishedUtc.Value, updated, author, i.ColumnId is { } c && columnNames.TryGetValue(c, out var cn) ? cn : "",
                i.SiteId == site.Id ? null : source.Name);
        }).ToList();

        var updatedFeed = entries.Count > 0 ? entries.Max(e => e.Updated) : site.CreatedUtc;
        var title = column is null ? site.Name : $"{column.Name} - {site.Name}";
        var description = column is null ? $"{site.Name}最新发布的信息" : (column.Description.Length > 0 ? column.Description : column.Name);
        var home = column is null ? PublicPages.AbsoluteUrl(http, "") : PublicPages.AbsoluteUrl(http, column.Path);
        return new FeedDocument($"tag:{domain},2018:{site.Key}/feeds/{feedPath}", title, description, home,
            PublicPages.AbsoluteUrl(http, "feeds/" + feedPath), site.Settings.Organiser.Length > 0 ? site.Settings.Organiser : site.Name,
            updatedFeed, entries);
    }

    public static string EntryId(string domain, int itemId) => $"tag:{domain},2018:content/{itemId}";

    private async Task<List<int>> ColumnIdsAsync(Column column, CancellationToken ct)
    {
        var prefix = column.Path + "/";
        return await db.Columns.AsNoTracking().Where(c => c.Id == column.Id || c.Path.StartsWith(prefix)).Select(c => c.Id).ToListAsync(ct);
    }

    /// <summary>Named cross-site read: published items of other sites accepted into this column.</summary>
    private IQueryable<ContentItem> SharedItemsQuery(int columnId)
    {
        var accepted = db.ContentShares.AsNoTracking().Where(s => s.ColumnId == columnId && s.State == ShareState.Accepted).Select(s => s.SourceItemId);
        return db.CrossSite<ContentItem>().AsNoTracking()
            .Where(i => accepted.Contains(i.Id) && !i.IsDeleted && i.PublishedVersionId != null && i.PublicPath != null
                && db.Sites.Any(s => s.Id == i.SiteId && s.Enabled));
    }
}
