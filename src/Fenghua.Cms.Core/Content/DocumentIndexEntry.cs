using Fenghua.Cms.Core.Sites;

namespace Fenghua.Cms.Core.Content;

/// <summary>Queryable projection of a published item's GovDocument part (one row per item).</summary>
public sealed class DocumentIndexEntry : ISiteOwned
{
    public int ContentItemId { get; set; }
    public int SiteId { get; set; }
    public string? DocumentNumber { get; set; }
    public string? DocumentNumberCanonical { get; set; }
    public string? IssuerCode { get; set; }
    public int? Year { get; set; }
    public int? Sequence { get; set; }
    public string? IndexNumber { get; set; }
    public string? Issuer { get; set; }
    public DateOnly? WrittenDate { get; set; }
    public string? Topic { get; set; }
    public string? Validity { get; set; }
}

/// <summary>Projection of an Interpretation's link to the policy it interprets.</summary>
public sealed class InterpretationLink : ISiteOwned
{
    public int InterpretationItemId { get; set; }
    public int PolicyItemId { get; set; }
    public int SiteId { get; set; }
}
