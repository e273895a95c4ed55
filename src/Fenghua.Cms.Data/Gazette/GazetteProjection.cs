using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Core.Parts;
using Microsoft.EntityFrameworkCore;

namespace Fenghua.Cms.Data.Gazette;

/// <summary>
/// Keeps the gazette tables in step with published items. The content service tells its observers
/// right after its own commit: inside an outer transaction (a recipe, an import batch) that is still
/// inside the transaction, so the projection commits with the items; for a single editor's
/// publication it is the next statement. Projecting twice gives the same rows.
/// </summary>
public sealed class GazetteProjection(CmsDbContext db) : IContentObserver
{
    public async Task ContentChangedAsync(ContentItem item, CancellationToken ct)
    {
        await ProjectAsync(db, item, ct);
        await db.SaveChangesAsync(ct);
    }

    public static async Task ProjectAsync(CmsDbContext db, ContentItem item, CancellationToken ct)
    {
        var issue = await db.CrossSite<GazetteIssueEntry>().FirstOrDefaultAsync(x => x.ContentItemId == item.Id, ct);
        var article = await db.CrossSite<GazetteArticleEntry>().FirstOrDefaultAsync(x => x.ContentItemId == item.Id, ct);
        var version = item.PublishedVersionId is { } vid && !item.IsDeleted
            ? await db.CrossSite<ContentVersion>().AsNoTracking().FirstOrDefaultAsync(v => v.Id == vid, ct)
            : null;

        var issuePart = version?.Part("GazetteIssue");
        if (issuePart is null || version is null)
        {
            if (issue is not null) db.GazetteIssues.Remove(issue);
        }
        else
        {
            if (issue is null) db.GazetteIssues.Add(issue = new GazetteIssueEntry { ContentItemId = item.Id });
            issue.SiteId = item.SiteId;
            issue.Year = issuePart.Int("year") ?? 0;
            issue.Issue = issuePart.Int("issue") ?? 0;
            issue.TotalIssue = issuePart.Int("totalIssue");
            issuePart.TryDate("publicationDate", out var date);
            issue.PublicationDate = date ?? DateOnly.FromDateTime(ShanghaiTime.ToLocal(item.PublishedUtc!.Value).DateTime);
            issue.Title = version.Title;
            issue.PdfUrl = issuePart.Str("pdfUrl");
            issue.Sections = GazetteIssuePart.Sections(issuePart);
            issue.PublishedUtc = item.PublishedUtc!.Value;
        }

        var placement = version?.Part("GazettePlacement");
        if (placement is null || version is null)
        {
            if (article is not null) db.GazetteArticles.Remove(article);
            return;
        }
        if (article is null) db.GazetteArticles.Add(article = new GazetteArticleEntry { ContentItemId = item.Id });
        var year = placement.Int("year") ?? 0;
        var number = placement.Int("issue") ?? 0;
        article.SiteId = item.SiteId;
        article.Year = year;
        article.Issue = number;
        article.IssueItemId = placement.Int("issueId")
            ?? await db.CrossSite<GazetteIssueEntry>().Where(i => i.SiteId == item.SiteId && i.Year == year && i.Issue == number).Select(i => (int?)i.ContentItemId).FirstOrDefaultAsync(ct);
        article.Section = placement.Str("section") ?? "";
        article.Order = placement.Int("order") ?? 0;
        article.PageFrom = placement.Int("pageFrom");
        article.PageTo = placement.Int("pageTo");
        article.PolicyItemId = placement.Int("policyId");
        article.SourceId = placement.Str("sourceId");
        article.Title = version.Title;
        article.PublishedUtc = item.PublishedUtc!.Value;
        article.IssueDate = article.IssueItemId is { } issueItemId
            ? await db.CrossSite<GazetteIssueEntry>().Where(i => i.ContentItemId == issueItemId).Select(i => (DateOnly?)i.PublicationDate).FirstOrDefaultAsync(ct)
              ?? DateOnly.FromDateTime(ShanghaiTime.ToLocal(item.PublishedUtc!.Value).DateTime)
            : DateOnly.FromDateTime(ShanghaiTime.ToLocal(item.PublishedUtc!.Value).DateTime);
        article.PublicPath = item.PublicPath ?? "";

        // A placement that points at the policy library takes the document's metadata from there.
        var doc = version.Part("GovDocument");
        if (string.IsNullOrWhiteSpace(doc?.Str("documentNumber")) && article.PolicyItemId is { } policyId)
        {
            var policyVersion = await db.CrossSite<ContentItem>().Where(i => i.Id == policyId && i.PublishedVersionId != null)
                .Join(db.CrossSite<ContentVersion>(), i => i.PublishedVersionId, v => v.Id, (i, v) => v).AsNoTracking().FirstOrDefaultAsync(ct);
            doc = policyVersion?.Part("GovDocument") ?? doc;
        }
        var raw = doc?.Str("documentNumber");
        article.DocumentNumber = string.IsNullOrWhiteSpace(raw) ? null : raw;
        article.DocumentNumberDisplay = GazetteCitation.DocumentDisplay(raw);
        article.DocumentNumberKey = GazetteCitation.DocumentKey(raw);
        article.Issuer = doc?.Str("issuer") is { Length: > 0 } issuer ? issuer : null;
        DateOnly? written = null;
        doc?.TryDate("writtenDate", out written);
        article.WrittenDate = written;
    }
}
