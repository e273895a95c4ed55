namespace Fenghua.Cms.Core.Sites;

/// <summary>A row that belongs to one site; the data layer filters these by the current site.</summary>
public interface ISiteOwned
{
    int SiteId { get; }
}
