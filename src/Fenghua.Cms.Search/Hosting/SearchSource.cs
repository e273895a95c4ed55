using Fenghua.Cms.Core.Columns;
using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace Fenghua.Cms.Search.Hosting;

/// <summary>
/// Reads what the index should hold from the store. The index serves every site of the node, so
/// these are named cross-site reads; only published, not deleted items become documents.
/// </summary>
public sealed class SearchSource(CmsDbContext db)
{
    /// <summary>Documents for the given items that are published now; the missing ids are to be removed from the index.</summary>
    public async Task<List<SearchDocument>> LoadAsync(IReadOnlyCollection<int> itemIds, CancellationToken ct)
    {
        if (itemIds.Count == 0) return [];
        var items = await db.CrossSite<ContentItem>().AsNoTracking()
            .Where(i => itemIds.Contains(i.Id) && !i.IsDeleted && i.PublishedVersionId != null && i.PublicPath != null)
            .ToListAsync(ct);
        return await MapAsync(items, ct);
    }

    /// <summary>All published items (of one site when <paramref name="siteId"/> is set), in id order, a batch at a time.</summary>
    public async IAsyncEnumerable<List<SearchDocument>> AllPublishedAsync(int? siteId, int batchSize, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var after = 0;
        while (true)
        {
            var items = await Published(siteId).Where(i => i.Id > after).OrderBy(i => i.Id).Take(batchSize).ToListAsync(ct);
            if (items.Count == 0) yield break;
            after = items[^1].Id;
            yield return await MapAsync(items, ct);
            db.ChangeTracker.Clear();
        }
    }

    public Task<int> CountPublishedAsync(int? siteId, CancellationToken ct) => Published(siteId).CountAsync(ct);

    private IQueryable<ContentItem> Published(int? siteId) => db.CrossSite<ContentItem>().AsNoTracking()
        .Where(i => !i.IsDeleted && i.PublishedVersionId != null && i.PublicPath != null && (siteId == null || i.SiteId == siteId));

    private async Task<List<SearchDocument>> MapAsync(List<ContentItem> items, CancellationToken ct)
    {
        if (items.Count == 0) return [];
        var versionIds = items.Select(i => i.PublishedVersionId!.Value).ToList();
        var versions = await db.CrossSite<ContentVersion>().AsNoTracking().Where(v => versionIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, ct);
        var columnIds = items.Where(i => i.ColumnId != null).Select(i => i.ColumnId!.Value).Distinct().ToList();
        var columns = await db.CrossSite<Column>().AsNoTracking().Where(c => columnIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Path, ct);
        var siteIds = items.Select(i => i.SiteId).Distinct().ToList();
        var sites = await db.Sites.AsNoTracking().Where(s => siteIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var docs = new List<SearchDocument>(items.Count);
        foreach (var item in items)
        {
            if (!versions.TryGetValue(item.PublishedVersionId!.Value, out var version) || !sites.TryGetValue(item.SiteId, out var site)) continue;
            var columnPath = item.ColumnId is { } cid && columns.TryGetValue(cid, out var p) ? p : null;
            docs.Add(SearchDocumentMapper.Map(item, version, site, columnPath));
        }
        return docs;
    }
}
