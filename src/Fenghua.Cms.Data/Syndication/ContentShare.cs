using Fenghua.Cms.Core.Sites;

namespace Fenghua.Cms.Data.Syndication;

/// <summary>
/// 信息报送: a published item of one site offered to a list column of another. Owned by the receiving
/// site (its reviewers decide); the item itself stays at the source, the one source of truth.
/// </summary>
public sealed class ContentShare : ISiteOwned
{
    public int Id { get; set; }

    /// <summary>The receiving site.</summary>
    public int SiteId { get; set; }

    public int ColumnId { get; set; }
    public int SourceSiteId { get; set; }
    public int SourceItemId { get; set; }
    public ShareState State { get; set; }
    public string SubmittedBy { get; set; } = "";
    public DateTimeOffset SubmittedUtc { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedUtc { get; set; }
    public string Comment { get; set; } = "";
}
