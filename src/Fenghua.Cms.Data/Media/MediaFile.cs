using Fenghua.Cms.Core.Sites;

namespace Fenghua.Cms.Data.Media;

/// <summary>
/// One uploaded file of a site's media library. Its bytes never change after upload (a new version is a
/// new upload), so URLs that carry its hash can be cached for ever.
/// </summary>
public sealed class MediaFile : ISiteOwned
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public int? FolderId { get; set; }

    /// <summary>The name as uploaded (without any directory part).</summary>
    public string OriginalName { get; set; } = "";

    /// <summary>The MIME type detected from the content.</summary>
    public string ContentType { get; set; } = "";
    public MediaKind Kind { get; set; }

    /// <summary>The extension that fits the detected type (".png"), used for stored and downloaded names.</summary>
    public string Extension { get; set; } = "";

    public long Size { get; set; }

    /// <summary>SHA-256 of the uploaded bytes, lower-case hex.</summary>
    public string Sha256 { get; set; } = "";

    /// <summary>Pixel size after orientation was fixed (images only).</summary>
    public int? Width { get; set; }
    public int? Height { get; set; }

    /// <summary>Alternative text for images, or a description; searched with the name.</summary>
    public string AltText { get; set; } = "";

    /// <summary>Public files are served to everyone; others only to people who work on the site.</summary>
    public bool IsPublic { get; set; }

    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedUtc { get; set; }
}
