using Fenghua.Cms.Core.Sites;

namespace Fenghua.Cms.Data.Gazette;

/// <summary>Queryable projection of a published GazetteArticle item: its place in the gazette and its document metadata.</summary>
public sealed class GazetteArticleEntry : ISiteOwned
{
    public int ContentItemId { get; set; }
    public int SiteId { get; set; }
    /// <summary>The GazetteIssue item, when the placement names it.</summary>
    public int? IssueItemId { get; set; }
    public int Year { get; set; }
    public int Issue { get; set; }
    public string Section { get; set; } = "";
    public int Order { get; set; }
    public int? PageFrom { get; set; }
    public int? PageTo { get; set; }
    public string Title { get; set; } = "";
    /// <summary>文号 as typed.</summary>
    public string? DocumentNumber { get; set; }
    /// <summary>文号 in canonical form when it parses (奉政办发〔2018〕42号), else as typed.</summary>
    public string? DocumentNumberDisplay { get; set; }
    /// <summary>Lookup key: <see cref="Core.Documents.DocumentNumber.Key"/> when it parses, else the normalised text; the same for every spelling.</summary>
    public string? DocumentNumberKey { get; set; }
    public string? Issuer { get; set; }
    public DateOnly? WrittenDate { get; set; }
    public DateTimeOffset PublishedUtc { get; set; }
    /// <summary>The issue's publication date (the date filters of the gazette search use it).</summary>
    public DateOnly IssueDate { get; set; }
    /// <summary>The PolicyDocument this article is, when it is also in the policy library.</summary>
    public int? PolicyItemId { get; set; }
    /// <summary>Stable id of the imported record (e.g. govcn-5365945).</summary>
    public string? SourceId { get; set; }
    public string PublicPath { get; set; } = "";
}
