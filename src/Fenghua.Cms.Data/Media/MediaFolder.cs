using Fenghua.Cms.Core.Sites;

namespace Fenghua.Cms.Data.Media;

/// <summary>A folder of a site's media library, named by its whole path ("通知公告/2026").</summary>
public sealed class MediaFolder : ISiteOwned
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public string Path { get; set; } = "";
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedUtc { get; set; }
}
