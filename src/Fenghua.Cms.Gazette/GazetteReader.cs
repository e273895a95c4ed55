using System.Globalization;
using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Gazette;
using Microsoft.EntityFrameworkCore;

namespace Fenghua.Cms.Gazette;

/// <summary>Reads the current site's gazette from its projection tables (the store's site filter applies).</summary>
public sealed class GazetteReader(CmsDbContext db)
{
    public async Task<List<GazetteYearView>> YearsAsync(string basePath, CancellationToken ct)
    {
        var issues = await db.GazetteIssues.AsNoTracking().GroupBy(i => i.Year).Select(g => new { Year = g.Key, Count = g.Count() }).ToListAsync(ct);
        var docs = await db.GazetteArticles.AsNoTracking().GroupBy(a => a.Year).Select(g => new { Year = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Year, x => x.Count, ct);
        return issues.OrderByDescending(i => i.Year)
            .Select(i => new GazetteYearView(i.Year, i.Count, docs.GetValueOrDefault(i.Year), YearUrl(basePath, i.Year))).ToList();
    }

    public async Task<List<GazetteIssueView>> IssuesAsync(string basePath, int? year, int? take, CancellationToken ct)
    {
        var query = db.GazetteIssues.AsNoTracking().AsQueryable();
        if (year is { } y) query = query.Where(i => i.Year == y);
        query = query.OrderByDescending(i => i.Year).ThenByDescending(i => i.Issue);
        if (take is { } t) query = query.Take(t);
        var issues = await query.ToListAsync(ct);
        var ids = issues.Select(i => i.ContentItemId).ToList();
        var counts = await db.GazetteArticles.AsNoTracking().Where(a => a.IssueItemId != null && ids.Contains(a.IssueItemId.Value))
            .GroupBy(a => a.IssueItemId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return issues.Select(i => IssueView(basePath, i, counts.GetValueOrDefault(i.ContentItemId))).ToList();
    }

    public Task<GazetteIssueEntry?> IssueAsync(int year, int issue, CancellationToken ct) =>
        db.GazetteIssues.AsNoTracking().FirstOrDefaultAsync(i => i.Year == year && i.Issue == issue, ct);

    public Task<GazetteIssueEntry?> IssueByItemAsync(int itemId, CancellationToken ct) =>
        db.GazetteIssues.AsNoTracking().FirstOrDefaultAsync(i => i.ContentItemId == itemId, ct);

    /// <summary>The issue's documents grouped by section, in the issue's section order, then by order in the issue.</summary>
    public async Task<List<GazetteSectionView>> ContentsAsync(string basePath, GazetteIssueEntry issue, CancellationToken ct)
    {
        var docs = (await ArticlesOfAsync(issue, ct)).Select(a => DocumentView(basePath, a)).ToList();
        var order = issue.Sections.Concat(docs.Select(d => d.Section)).Distinct().ToList();
        return order.Select(s => new GazetteSectionView(s, docs.Where(d => d.Section == s).ToList())).Where(s => s.Documents.Count > 0).ToList();
    }

    public Task<List<GazetteArticleEntry>> ArticlesOfAsync(GazetteIssueEntry issue, CancellationToken ct) =>
        db.GazetteArticles.AsNoTracking().Where(a => a.IssueItemId == issue.ContentItemId || (a.IssueItemId == null && a.Year == issue.Year && a.Issue == issue.Issue))
            .OrderBy(a => a.Order).ThenBy(a => a.ContentItemId).ToListAsync(ct);

    public Task<GazetteArticleEntry?> ArticleAsync(int itemId, CancellationToken ct) =>
        db.GazetteArticles.AsNoTracking().FirstOrDefaultAsync(a => a.ContentItemId == itemId, ct);

    /// <summary>Articles whose 文号 matches in any spelling.</summary>
    public async Task<List<GazetteArticleEntry>> ByDocumentNumberAsync(string text, CancellationToken ct)
    {
        var key = GazetteCitation.DocumentKey(text);
        if (key is null) return [];
        return await db.GazetteArticles.AsNoTracking().Where(a => a.DocumentNumberKey == key).OrderByDescending(a => a.IssueDate).Take(20).ToListAsync(ct);
    }

    public async Task<(GazetteIssueEntry? Previous, GazetteIssueEntry? Next)> NeighbourIssuesAsync(GazetteIssueEntry issue, CancellationToken ct)
    {
        var previous = await db.GazetteIssues.AsNoTracking().Where(i => i.Year < issue.Year || (i.Year == issue.Year && i.Issue < issue.Issue))
            .OrderByDescending(i => i.Year).ThenByDescending(i => i.Issue).FirstOrDefaultAsync(ct);
        var next = await db.GazetteIssues.AsNoTracking().Where(i => i.Year > issue.Year || (i.Year == issue.Year && i.Issue > issue.Issue))
            .OrderBy(i => i.Year).ThenBy(i => i.Issue).FirstOrDefaultAsync(ct);
        return (previous, next);
    }

    /// <summary>Documents matching the filters, from the projection (no full text): the API and feeds without a term.</summary>
    public async Task<(List<GazetteArticleEntry> Items, int Total)> FilterAsync(GazetteDocumentQuery q, CancellationToken ct)
    {
        var query = Filtered(q);
        var total = await query.CountAsync(ct);
        query = q.Order == GazetteOrder.Oldest
            ? query.OrderBy(a => a.IssueDate).ThenBy(a => a.Year).ThenBy(a => a.Issue).ThenBy(a => a.Order).ThenBy(a => a.ContentItemId)
            : query.OrderByDescending(a => a.IssueDate).ThenByDescending(a => a.Year).ThenByDescending(a => a.Issue).ThenBy(a => a.Order).ThenBy(a => a.ContentItemId);
        var items = await query.Skip((q.Page - 1) * q.PerPage).Take(q.PerPage).ToListAsync(ct);
        return (items, total);
    }

    /// <summary>Counts by year, issuer or section under the same filters (without the term).</summary>
    public async Task<List<(string Value, int Count)>> FacetAsync(GazetteDocumentQuery q, string facet, CancellationToken ct)
    {
        var query = Filtered(q);
        var rows = facet switch
        {
            "year" => (await query.GroupBy(a => a.Year).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
                .Select(x => (x.Key.ToString(CultureInfo.InvariantCulture), x.Count)).ToList(),
            "issuer" => (await query.Where(a => a.Issuer != null).GroupBy(a => a.Issuer!).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
                .Select(x => (x.Key, x.Count)).ToList(),
            _ => (await query.GroupBy(a => a.Section).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
                .Select(x => (x.Key, x.Count)).ToList(),
        };
        return rows.OrderByDescending(r => r.Item2).ThenBy(r => r.Item1, StringComparer.Ordinal).ToList();
    }

    public Task<List<GazetteArticleEntry>> ByIdsAsync(IReadOnlyCollection<int> ids, CancellationToken ct) =>
        db.GazetteArticles.AsNoTracking().Where(a => ids.Contains(a.ContentItemId)).ToListAsync(ct);

    private IQueryable<GazetteArticleEntry> Filtered(GazetteDocumentQuery q)
    {
        var query = db.GazetteArticles.AsNoTracking().AsQueryable();
        if (q.Year is { } y) query = query.Where(a => a.Year == y);
        if (q.Issue is { } i) query = query.Where(a => a.Issue == i);
        if (q.Section is { } s) query = query.Where(a => a.Section == s);
        if (q.Issuer is { } issuer) query = query.Where(a => a.Issuer == issuer);
        if (q.From is { } from) query = query.Where(a => a.IssueDate >= from);
        if (q.To is { } to) query = query.Where(a => a.IssueDate <= to);
        return query;
    }

    public static string YearUrl(string basePath, int year) => $"{basePath}/gazette/{year}/";

    public static string IssueUrl(string basePath, int year, int issue) => $"{basePath}/gazette/{year}/{issue}/";

    public static GazetteIssueView IssueView(string basePath, GazetteIssueEntry i, int documents) => new(
        i.ContentItemId, i.Year, i.Issue, i.TotalIssue, GazetteCitation.IssueLabel(i.Year, i.Issue, i.TotalIssue),
        i.PublicationDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), IssueUrl(basePath, i.Year, i.Issue),
        i.PdfUrl is { } pdf ? (pdf.StartsWith('/') ? basePath + pdf : pdf) : null, documents);

    public static GazetteDocumentView DocumentView(string basePath, GazetteArticleEntry a) => new(
        a.ContentItemId, a.Title, a.DocumentNumberDisplay, a.Issuer, a.WrittenDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        a.IssueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), a.Year, a.Issue, a.Section, a.Order, a.PageFrom, a.PageTo,
        $"{basePath}/{a.PublicPath}", Pages(a.PageFrom, a.PageTo));

    public static string? Pages(int? from, int? to) => (from, to) switch
    {
        ({ } f, { } t) when t != f => $"第{f}—{t}页",
        ({ } f, _) => $"第{f}页",
        (null, { } t) => $"第{t}页",
        _ => null,
    };
}
