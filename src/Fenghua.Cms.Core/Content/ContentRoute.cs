using Fenghua.Cms.Core.Sites;

namespace Fenghua.Cms.Core.Content;

/// <summary>A public path ever issued for an item. Old paths stay and redirect to the canonical one.</summary>
public sealed class ContentRoute : ISiteOwned
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public string Path { get; set; } = "";
    public int ContentItemId { get; set; }
    public bool IsCanonical { get; set; }
    public DateTimeOffset CreatedUtc { get; set; }
}
