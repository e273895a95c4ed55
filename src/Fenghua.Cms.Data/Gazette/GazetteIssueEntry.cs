using Fenghua.Cms.Core.Sites;

namespace Fenghua.Cms.Data.Gazette;

/// <summary>Queryable projection of a published GazetteIssue item (one row per issue).</summary>
public sealed class GazetteIssueEntry : ISiteOwned
{
    public int ContentItemId { get; set; }
    public int SiteId { get; set; }
    public int Year { get; set; }
    public int Issue { get; set; }
    public int? TotalIssue { get; set; }
    public DateOnly PublicationDate { get; set; }
    public string Title { get; set; } = "";
    public string? PdfUrl { get; set; }
    public List<string> Sections { get; set; } = [];
    public DateTimeOffset PublishedUtc { get; set; }
}
