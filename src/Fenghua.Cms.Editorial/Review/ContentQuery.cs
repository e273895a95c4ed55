using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Core.Documents;
using Fenghua.Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace Fenghua.Cms.Editorial.Review;

/// <summary>Filters of the content list (admin and API): column, type, state of the latest version, author, date, title or 文号.</summary>
public sealed record ContentFilter(int SiteId)
{
    public int? ColumnId { get; init; }
    public string? ContentType { get; init; }
    public VersionState? State { get; init; }
    public string? Author { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public string? Search { get; init; }
    public int Page { get; init; } = 1;
    public const int PageSize = 30;
}

public sealed record ContentRow(int Id, string Title, string ContentType, int? ColumnId, VersionState State, int Version, string Author, DateTimeOffset ModifiedUtc, DateTimeOffset? PublishedUtc, string? PublicPath);

public sealed class ContentQuery(CmsDbContext db)
{
    public async Task<(List<ContentRow> Rows, int Total)> ListAsync(ContentFilter f, CancellationToken ct = default)
    {
        var q = from i in db.CrossSite<ContentItem>()
                join v in db.CrossSite<ContentVersion>() on i.LatestVersionId equals v.Id
                where i.SiteId == f.SiteId && !i.IsDeleted
                select new { i, v };
        if (f.ColumnId is { } col) q = q.Where(x => x.i.ColumnId == col);
        if (!string.IsNullOrWhiteSpace(f.ContentType)) q = q.Where(x => x.i.ContentType == f.ContentType);
        if (f.State is { } st) q = q.Where(x => x.v.State == st);
        if (!string.IsNullOrWhiteSpace(f.Author)) q = q.Where(x => x.v.Author == f.Author || x.i.CreatedBy == f.Author);
        if (!string.IsNullOrWhiteSpace(f.Search))
        {
            var s = f.Search.Trim();
            var canonical = DocumentNumber.TryParse(s, out var n) ? n.Canonical : null;
            var byNumber = db.CrossSite<DocumentIndexEntry>().Where(d => d.SiteId == f.SiteId
                && (d.DocumentNumber!.Contains(s) || canonical != null && d.DocumentNumberCanonical == canonical)).Select(d => d.ContentItemId);
            q = q.Where(x => x.i.Title.Contains(s) || byNumber.Contains(x.i.Id));
        }
        var rows = await q.Select(x => new ContentRow(x.i.Id, x.i.Title, x.i.ContentType, x.i.ColumnId, x.v.State, x.v.Number, x.v.Author, x.i.ModifiedUtc, x.i.PublishedUtc, x.i.PublicPath))
            .ToListAsync(ct);
        // Date filters and ordering in memory: SQLite does not translate DateTimeOffset comparisons.
        IEnumerable<ContentRow> filtered = rows;
        if (f.From is { } from) filtered = filtered.Where(r => DateOnly.FromDateTime(ShanghaiTime.ToLocal(r.ModifiedUtc).DateTime) >= from);
        if (f.To is { } to) filtered = filtered.Where(r => DateOnly.FromDateTime(ShanghaiTime.ToLocal(r.ModifiedUtc).DateTime) <= to);
        var list = filtered.OrderByDescending(r => r.ModifiedUtc).ToList();
        return (list.Skip((Math.Max(1, f.Page) - 1) * ContentFilter.PageSize).Take(ContentFilter.PageSize).ToList(), list.Count);
    }
}
