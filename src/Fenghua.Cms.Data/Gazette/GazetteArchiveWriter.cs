using System.Globalization;
using System.Text.Json.Nodes;
using Fenghua.Cms.Core;
using Fenghua.Cms.Core.Audit;
using Fenghua.Cms.Core.Columns;
using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Core.Parts;
using Fenghua.Cms.Core.Sites;
using Fenghua.Cms.Data.Content;
using Microsoft.EntityFrameworkCore;

namespace Fenghua.Cms.Data.Gazette;

/// <summary>
/// Creates or updates gazette issues and articles of one site through the content service (so each
/// change is versioned, audited and in the outbox); <see cref="GazetteProjection"/>, told by the content
/// service after each publication, projects them inside the caller's transaction.
/// Re-writing the same input changes nothing. Used by the importer and the recipe step.
/// </summary>
public sealed class GazetteArchiveWriter(CmsDbContext db, ContentService content, GazettePdfStore pdfs)
{
    public const string ColumnPath = "gazette";
    public const string IssueType = "GazetteIssue";
    public const string ArticleType = "GazetteArticle";

    private Site _site = null!;
    private int _columnId;
    private ContentTypeDefinition _issueType = null!;
    private ContentTypeDefinition _articleType = null!;
    private readonly Dictionary<(int Year, int Issue), int> _issues = [];
    private readonly Dictionary<string, int> _bySource = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _byNumber = new(StringComparer.Ordinal);
    private readonly HashSet<string> _slugs = new(StringComparer.Ordinal);

    public Site Site => _site;

    /// <summary>Loads what matching needs: the site's gazette column, types, issues and article keys.</summary>
    public async Task OpenAsync(string siteKey, CancellationToken ct)
    {
        _site = await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Key == siteKey, ct)
            ?? throw new ValidationException([new("site", $"站点“{siteKey}”不存在。")]);
        _columnId = await db.CrossSite<Column>().Where(c => c.SiteId == _site.Id && c.Path == ColumnPath).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct)
            ?? throw new ValidationException([new("site", $"站点“{siteKey}”没有“{ColumnPath}”（政府公报）栏目：请先运行 gazette 配方。")]);
        _issueType = await db.ContentTypes.AsNoTracking().FirstOrDefaultAsync(t => t.Name == IssueType, ct)
            ?? throw new ValidationException([new("contentType", $"内容类型 {IssueType} 未定义：请先运行 gazette 配方。")]);
        _articleType = await db.ContentTypes.AsNoTracking().FirstOrDefaultAsync(t => t.Name == ArticleType, ct)
            ?? throw new ValidationException([new("contentType", $"内容类型 {ArticleType} 未定义：请先运行 gazette 配方。")]);
        _issues.Clear();
        _bySource.Clear();
        _byNumber.Clear();
        _slugs.Clear();
        foreach (var i in await db.CrossSite<GazetteIssueEntry>().AsNoTracking().Where(i => i.SiteId == _site.Id).ToListAsync(ct))
            _issues[(i.Year, i.Issue)] = i.ContentItemId;
        foreach (var a in await db.CrossSite<GazetteArticleEntry>().AsNoTracking().Where(a => a.SiteId == _site.Id)
                     .Select(a => new { a.ContentItemId, a.SourceId, a.DocumentNumberKey }).ToListAsync(ct))
            Remember(a.ContentItemId, a.SourceId, a.DocumentNumberKey);
        foreach (var slug in await db.CrossSite<ContentItem>().IgnoreQueryFilters().Where(i => i.SiteId == _site.Id && i.ColumnId == _columnId).Select(i => i.Slug).ToListAsync(ct))
            _slugs.Add(slug);
    }

    private void Remember(int itemId, string? sourceId, string? numberKey)
    {
        if (sourceId is not null) _bySource[sourceId] = itemId;
        if (numberKey is not null)
        {
            if (!_byNumber.TryGetValue(numberKey, out var ids)) _byNumber[numberKey] = ids = [];
            if (!ids.Contains(itemId)) ids.Add(itemId);
        }
    }

    public bool HasIssue(int year, int issue) => _issues.ContainsKey((year, issue));

    /// <summary>Creates the issue, or updates it when its data differs; existing sections stay in front of new ones.</summary>
    public async Task<(int ItemId, GazetteWriteOutcome Outcome)> WriteIssueAsync(GazetteIssueInput input, Actor actor, CancellationToken ct)
    {
        var pdfUrl = (string?)null;
        if (input.PdfFile is not null)
        {
            await pdfs.SaveAsync(_site.Key, input.Year, input.Issue, input.PdfFile, ct);
            pdfUrl = GazettePdfStore.UrlOf(input.Year, input.Issue);
        }
        ContentVersion? current = null;
        if (_issues.TryGetValue((input.Year, input.Issue), out var existingId))
            current = await PublishedVersionAsync(existingId, ct);
        var currentPart = current?.Part("GazetteIssue");
        var sections = GazetteIssuePart.Sections(currentPart);
        foreach (var s in input.Sections) if (!sections.Contains(s)) sections.Add(s);
        var issuePart = new JsonObject
        {
            ["year"] = input.Year,
            ["issue"] = input.Issue,
            ["publicationDate"] = currentPart?.Str("publicationDate") ?? input.PublicationDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["sections"] = new JsonArray(sections.Select(s => (JsonNode)s!).ToArray()),
        };
        if ((input.TotalIssue ?? currentPart?.Int("totalIssue")) is { } total) issuePart["totalIssue"] = total;
        if ((pdfUrl ?? currentPart?.Str("pdfUrl")) is { } url) issuePart["pdfUrl"] = url;
        var parts = new JsonObject
        {
            ["Title"] = new JsonObject { ["title"] = GazetteCitation.IssueLabel(input.Year, input.Issue) },
            ["GazetteIssue"] = issuePart,
        };
        var publishedAt = new DateTimeOffset(input.PublicationDate.ToDateTime(new TimeOnly(9, 0)), ShanghaiTime.Offset);
        var (id, outcome) = await WriteAsync(current is null ? null : existingId, current, _issueType, parts, input.Issue.ToString(CultureInfo.InvariantCulture), publishedAt, actor, ct);
        _issues[(input.Year, input.Issue)] = id;
        return (id, outcome);
    }

    /// <summary>Creates or updates one article; matched by source id, else by a 文号 that only one article has.</summary>
    public async Task<(int ItemId, GazetteWriteOutcome Outcome)> WriteArticleAsync(GazetteArticleInput input, Actor actor, CancellationToken ct)
    {
        if (!_issues.TryGetValue((input.Year, input.Issue), out var issueId))
            throw new ValidationException([new("issue", $"{GazetteCitation.IssueLabel(input.Year, input.Issue)}不存在。")]);
        var numberKey = GazetteCitation.DocumentKey(input.DocumentNumber);
        int? existingId = input.SourceId is not null
            ? (_bySource.TryGetValue(input.SourceId, out var s) ? s : null)
            : numberKey is not null && _byNumber.TryGetValue(numberKey, out var ids) && ids.Count == 1 ? ids[0] : null;

        var placement = new JsonObject
        {
            ["issueId"] = issueId, ["year"] = input.Year, ["issue"] = input.Issue, ["section"] = input.Section, ["order"] = input.Order,
        };
        if (input.PageFrom is { } from) placement["pageFrom"] = from;
        if (input.PageTo is { } to) placement["pageTo"] = to;
        if (input.PolicyItemId is { } policy) placement["policyId"] = policy;
        if (input.SourceId is not null) placement["sourceId"] = input.SourceId;
        var doc = new JsonObject();
        void Put(JsonObject o, string field, string? value) { if (!string.IsNullOrWhiteSpace(value)) o[field] = value; }
        Put(doc, "documentNumber", input.DocumentNumber);
        Put(doc, "issuer", input.Issuer);
        Put(doc, "writtenDate", input.WrittenDate);
        Put(doc, "indexNumber", input.IndexNumber);
        Put(doc, "topic", input.Topic);
        var parts = new JsonObject
        {
            ["Title"] = new JsonObject { ["title"] = input.Title },
            ["GazettePlacement"] = placement,
            ["GovDocument"] = doc,
        };
        if (input.Markdown is not null) parts["MarkdownBody"] = new JsonObject { ["markdown"] = input.Markdown };
        if (input.Summary is not null) parts["Summary"] = new JsonObject { ["summary"] = input.Summary };

        var issueEntry = await db.CrossSite<GazetteIssueEntry>().AsNoTracking().FirstAsync(i => i.ContentItemId == issueId, ct);
        var publishedAt = new DateTimeOffset(issueEntry.PublicationDate.ToDateTime(new TimeOnly(9, 0)), ShanghaiTime.Offset);
        var current = existingId is { } eid ? await PublishedVersionAsync(eid, ct) : null;
        var slug = $"{input.Issue}-{input.Order}";
        var (id, outcome) = await WriteAsync(current is null ? null : existingId, current, _articleType, parts, slug, publishedAt, actor, ct);
        Remember(id, input.SourceId, numberKey);
        return (id, outcome);
    }

    private Task<ContentVersion?> PublishedVersionAsync(int itemId, CancellationToken ct) =>
        db.CrossSite<ContentItem>().Where(i => i.Id == itemId && i.PublishedVersionId != null)
            .Join(db.CrossSite<ContentVersion>(), i => i.PublishedVersionId, v => v.Id, (i, v) => v).AsNoTracking().FirstOrDefaultAsync(ct);

    private async Task<(int, GazetteWriteOutcome)> WriteAsync(int? existingId, ContentVersion? current, ContentTypeDefinition type, JsonObject parts,
        string slugBase, DateTimeOffset publishedAt, Actor actor, CancellationToken ct)
    {
        if (existingId is { } id && current is not null)
        {
            var normalized = (JsonObject)parts.DeepClone();
            var errors = PartCatalog.Default.Check(type, normalized);
            if (errors.Count > 0) throw new ValidationException(errors.ToList());
            if (JsonNode.DeepEquals(normalized, current.Parts)) return (id, GazetteWriteOutcome.Unchanged);
            await content.SaveDraftAsync(id, parts, actor, ct);
            await content.PublishAsync(id, actor, null, ct);
            return (id, GazetteWriteOutcome.Updated);
        }
        var slug = slugBase;
        for (var n = 2; _slugs.Contains(slug); n++) slug = $"{slugBase}-{n}";
        var item = await content.CreateAsync(new ContentDraft(_site.Id, type.Name, parts) { ColumnId = _columnId, Slug = slug }, actor, ct);
        _slugs.Add(slug);
        await content.PublishAsync(item.Id, actor, publishedAt, ct);
        return (item.Id, GazetteWriteOutcome.Created);
    }
}
