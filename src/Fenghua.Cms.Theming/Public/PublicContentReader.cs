using Fenghua.Cms.Core.Columns;
using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Core.Markdown;
using Fenghua.Cms.Core.Parts;
using Fenghua.Cms.Core.Sites;
using Fenghua.Cms.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Fenghua.Cms.Theming.Public;

/// <summary>
/// Reads what the public may see: published versions only, of the current site only (the store's
/// filter), apart from the named cross-site read for the policy an interpretation links to.
/// </summary>
public sealed class PublicContentReader(CmsDbContext db, Data.Sites.SiteCatalog catalog)
{
    public const int PageSize = 20;
    private static readonly MarkdownRenderer Markdown = MarkdownRenderer.Instance;

    // A page asks for the column tree and the type names several times (navigation, breadcrumbs, lists):
    // read them once per request (the reader is scoped).
    private List<Column>? _columns;
    private Dictionary<string, string>? _typeNames;

    public async Task<List<Column>> ColumnsAsync(CancellationToken ct) =>
        _columns ??= await db.Columns.AsNoTracking().OrderBy(c => c.Order).ThenBy(c => c.Id).ToListAsync(ct);

    public async Task<Dictionary<string, string>> TypeNamesAsync(CancellationToken ct) =>
        _typeNames ??= await db.ContentTypes.AsNoTracking().ToDictionaryAsync(t => t.Name, t => t.DisplayName, ct);

    public Task<ContentRoute?> RouteAsync(string path, CancellationToken ct) =>
        db.ContentRoutes.AsNoTracking().FirstOrDefaultAsync(r => r.Path == path, ct);

    public Task<ContentItem?> PublishedItemAsync(int id, CancellationToken ct) =>
        db.ContentItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id && i.PublishedVersionId != null, ct);

    public Task<ContentVersion> VersionAsync(int versionId, CancellationToken ct) =>
        db.ContentVersions.AsNoTracking().FirstAsync(v => v.Id == versionId, ct);

    /// <summary>Published items of the given columns, newest first.</summary>
    public async Task<(List<ItemLink> Items, int Total)> ListAsync(IReadOnlyCollection<int> columnIds, int page, int pageSize, CancellationToken ct)
    {
        // Plus items other sites shared to these columns and this site's reviewers accepted (信息报送):
        // a named cross-site read; the item stays at its source site.
        var siteId = db.CurrentSiteId;
        var shared = db.ContentShares.Where(s => s.State == Data.Syndication.ShareState.Accepted && columnIds.Contains(s.ColumnId)).Select(s => s.SourceItemId);
        var query = db.CrossSite<ContentItem>().AsNoTracking().Where(i => !i.IsDeleted && i.PublishedVersionId != null
            && (((siteId == null || i.SiteId == siteId) && i.ColumnId != null && columnIds.Contains(i.ColumnId.Value))
                || (shared.Contains(i.Id) && db.Sites.Any(s => s.Id == i.SiteId && s.Enabled))));
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(i => i.PublishedUtc).ThenByDescending(i => i.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return (await LinksAsync(items, ct), total);
    }

    /// <summary>The newest published items of a content type on this site (home page blocks).</summary>
    public async Task<List<ItemLink>> LatestAsync(string contentType, int count, CancellationToken ct)
    {
        var items = await db.ContentItems.AsNoTracking().Where(i => i.PublishedVersionId != null && i.ContentType == contentType)
            .OrderByDescending(i => i.PublishedUtc).ThenByDescending(i => i.Id).Take(count).ToListAsync(ct);
        return await LinksAsync(items, ct);
    }

    public async Task<List<ItemLink>> InterpretationsOfAsync(int policyId, CancellationToken ct)
    {
        var ids = await db.InterpretationLinks.AsNoTracking().Where(l => l.PolicyItemId == policyId).Select(l => l.InterpretationItemId).ToListAsync(ct);
        var items = await db.ContentItems.AsNoTracking().Where(i => ids.Contains(i.Id) && i.PublishedVersionId != null).OrderBy(i => i.PublishedUtc).ToListAsync(ct);
        return await LinksAsync(items, ct);
    }

    /// <summary>Cross-site read, named: an interpretation may explain a policy published on another site of the group.</summary>
    public async Task<(ContentItem Item, Site Site)?> PublishedPolicyAnySiteAsync(int policyId, CancellationToken ct)
    {
        var item = await db.CrossSite<ContentItem>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == policyId && i.PublishedVersionId != null && !i.IsDeleted, ct);
        if (item is null) return null;
        var site = await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Id == item.SiteId && s.Enabled, ct);
        return site is null ? null : (item, site);
    }

    /// <summary>Every published path of the site, for the sitemap.</summary>
    public Task<List<(string Path, DateTimeOffset Modified)>> SitemapAsync(CancellationToken ct) =>
        db.ContentItems.AsNoTracking().Where(i => i.PublishedVersionId != null && i.PublicPath != null)
            .OrderByDescending(i => i.PublishedUtc)
            .Select(i => new ValueTuple<string, DateTimeOffset>(i.PublicPath!, i.ModifiedUtc)).ToListAsync(ct);

    private async Task<List<ItemLink>> LinksAsync(List<ContentItem> items, CancellationToken ct)
    {
        var versionIds = items.Select(i => i.PublishedVersionId!.Value).ToList();
        // Cross-site only for shared items, whose ids come from the filtered queries above.
        var versions = await db.CrossSite<ContentVersion>().AsNoTracking().Where(v => versionIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, ct);
        var otherSiteIds = items.Where(i => i.SiteId != db.CurrentSiteId).Select(i => i.SiteId).Distinct().ToList();
        var sites = otherSiteIds.Count == 0 ? [] : await catalog.AllAsync(ct);
        var sources = sites.Where(s => otherSiteIds.Contains(s.Id)).ToDictionary(s => s.Id);
        var portal = SiteLinks.Portal(sites);
        return items.Select(i =>
        {
            var v = versions[i.PublishedVersionId!.Value];
            var summary = v.PartString("Summary", "summary") ?? "";
            var number = v.Part("GovDocument") is { } doc ? doc.Str("documentNumberCanonical") ?? doc.Str("documentNumber") : null;
            // A shared item links to its one source of truth on its own site and names that site.
            var source = sources.GetValueOrDefault(i.SiteId);
            var path = source is null ? i.PublicPath! : SiteLinks.ToPage(source, i.PublicPath!, portal);
            return new ItemLink(i.Id, v.Title, path, ShanghaiTime.Date(i.PublishedUtc!.Value), i.ContentType, summary, number) { Image = FirstImage(v), SourceSite = source?.Name };
        }).ToList();
    }

    /// <summary>The item's picture: its first attachment that is an image (the home page's 要闻 carousel shows it).</summary>
    public static string? FirstImage(ContentVersion v) =>
        (v.Part("Attachments")?["files"] as System.Text.Json.Nodes.JsonArray)?.OfType<System.Text.Json.Nodes.JsonObject>()
            .Select(f => f.Str("url")).FirstOrDefault(u => u is not null && AttachmentView.IsImageUrl(u));

    // Rendering and sanitising a long body costs more than the rest of a page; the cache is keyed by the
    // Markdown text itself, so it can never serve another version's (or another store's) body.
    private static readonly MemoryCache RenderedBodies = new(new MemoryCacheOptions { SizeLimit = 64L * 1024 * 1024 });

    public static string BodyHtml(ContentVersion v)
    {
        var markdown = v.PartString("MarkdownBody", "markdown");
        if (string.IsNullOrEmpty(markdown)) return "";
        return RenderedBodies.GetOrCreate(markdown, entry =>
        {
            var html = Markdown.ToHtml(markdown);
            entry.Size = 2L * (html.Length + markdown.Length);
            return html;
        })!;
    }

    public static string PlainSummary(ContentVersion v, int length = 120)
    {
        var s = v.PartString("Summary", "summary");
        if (!string.IsNullOrWhiteSpace(s)) return s;
        var text = Markdown.ToPlainText(v.PartString("MarkdownBody", "markdown")).Replace('\n', ' ').Trim();
        return text.Length <= length ? text : text[..length] + "…";
    }
}
