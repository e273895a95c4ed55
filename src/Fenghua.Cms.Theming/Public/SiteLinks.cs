using Fenghua.Cms.Core.Sites;

namespace Fenghua.Cms.Theming.Public;

/// <summary>
/// Links from one site of the group to a page of another (shared items, a policy on another site). A site bound to a
/// host name is linked by that host ("//czj.fh.gov.cn/…", whatever scheme the reader uses). A site under a path prefix
/// is linked by its prefix on the portal's host when the portal is bound to one ("//www.fh.gov.cn/czj/…": the link
/// then also works from a sub-site's own host), else by its rooted path ("/czj/…"). <see cref="PublicPages.Url"/> and
/// <see cref="PublicPages.AbsoluteUrl"/> leave such links alone, where they prefix the current site's own paths.
/// </summary>
public static class SiteLinks
{
    /// <param name="portal">The site served at the root (no prefix), if known.</param>
    public static string ToPage(Site site, string publicPath, Site? portal) =>
        // A request on a bound host is served without the path prefix (see SiteCatalog.Resolve).
        site.HostNames.Count > 0 ? $"//{site.HostNames[0]}/{publicPath}"
        : portal is { HostNames.Count: > 0 } ? $"//{portal.HostNames[0]}{site.PathPrefix}/{publicPath}"
        : $"{site.PathPrefix}/{publicPath}";

    /// <summary>The site served at the root: the portal.</summary>
    public static Site? Portal(IEnumerable<Site> sites) => sites.FirstOrDefault(s => s.PathPrefix.Length == 0 && s.Key == "portal")
        ?? sites.FirstOrDefault(s => s.PathPrefix.Length == 0);
}
