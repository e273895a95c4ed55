using Fenghua.Cms.Core.Sites;

namespace Fenghua.Cms.Editorial.Review;

/// <summary>
/// Absolute links for mail, which is read outside any request: into a site's admin at
/// <see cref="EditorialOptions.AdminBaseUrl"/> (else the site's registered domain, 网站域名, over HTTPS), and to its
/// public pages at that domain. A sub-site's path prefix is added.
/// </summary>
public sealed class AdminLinks(EditorialOptions options)
{
    public string Item(Site site, int itemId) => $"{Origin(options.AdminBaseUrl, site)}{site.PathPrefix}/admin/content/{itemId}";

    public string PublicPage(Site site, string path) => $"{Origin(null, site)}{site.PathPrefix}/{path}";

    private static string Origin(string? configured, Site site) =>
        !string.IsNullOrWhiteSpace(configured) ? configured.TrimEnd('/')
        : site.Settings.SiteDomain.Length > 0 ? "https://" + site.Settings.SiteDomain
        : site.HostNames.Count > 0 ? "https://" + site.HostNames[0] : "http://localhost";
}
