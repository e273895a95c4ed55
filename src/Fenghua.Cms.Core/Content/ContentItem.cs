using Fenghua.Cms.Core.Sites;

namespace Fenghua.Cms.Core.Content;

/// <summary>稿件: a piece of content with a stable id and a chain of versions.</summary>
public sealed class ContentItem : ISiteOwned
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public string ContentType { get; set; } = "";
    public int? ColumnId { get; set; }

    /// <summary>Readable last segment of the public URL, chosen once (recipe, editor, or the id).</summary>
    public string Slug { get; set; } = "";

    public int? PublishedVersionId { get; set; }
    public int LatestVersionId { get; set; }

    /// <summary>Canonical public path within the site, issued at first publication and never reused.</summary>
    public string? PublicPath { get; set; }

    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedUtc { get; set; }
    public DateTimeOffset ModifiedUtc { get; set; }

    /// <summary>Display time of the published version (发布日期), cached for list queries.</summary>
    public DateTimeOffset? PublishedUtc { get; set; }

    /// <summary>Title of the latest version, cached for lists and admin.</summary>
    public string Title { get; set; } = "";

    public bool IsDeleted { get; set; }
}
