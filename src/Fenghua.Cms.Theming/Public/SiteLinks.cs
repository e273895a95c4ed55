using Fenghua.Cms.Core.Sites;

namespace Fenghua.Cms.Theming.Public;

/// <summary>
/// Links from one site of the group to a page of another (shared items, a policy on another site). A site bound to a
/// host name is linked by that host ("//czj.fh.gov.cn/…", whatever scheme the reader uses); a site under a path
/// prefix by its rooted path ("/czj/…"). <see cref="PublicPages.Url"/> and <see cref="PublicPages.AbsoluteUrl"/> leave
/// such links alone, where they prefix the current site's own paths.
/// </summary>
public static class SiteLinks
{
    public static string ToPage(Site site, string publicPath) =>
        // A request on a bound host is served without the path prefix (see SiteCatalog.Resolve).
        site.HostNames.Count > 0 ? $"//{site.HostNames[0]}/{publicPath}" : $"{site.PathPrefix}/{publicPath}";
}
