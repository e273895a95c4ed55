namespace Fenghua.Cms.Core.Sites;

/// <summary>
/// The site of the current request or job (scoped). While a site is set, every query on
/// site-owned rows is filtered to it; reads across sites must ask for that explicitly.
/// </summary>
public sealed class SiteContext
{
    public Site? Site { get; private set; }

    public int? SiteId => Site?.Id;

    public void Enter(Site site) => Site = site;
}
