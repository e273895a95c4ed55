using Fenghua.Cms.Core.Security;
using Fenghua.Cms.Core.Sites;
using Fenghua.Cms.Editorial.Review;

namespace Fenghua.Cms.Syndication.Admin;

/// <summary>
/// A channel, push, share or item named in the URL may belong to another site than the URL's. The user needs the
/// permission on the resource's own site too: a district administrator has it everywhere, a site's staff only at home.
/// </summary>
internal static class ResourceSite
{
    public static async Task RequireAsync(HttpContext http, Site urlSite, int resourceSiteId, Permission permission)
    {
        if (resourceSiteId == urlSite.Id) return;
        var permissions = http.RequestServices.GetRequiredService<ISitePermissions>();
        if (!await permissions.HasAsync(http.User, resourceSiteId, permission, http.RequestAborted))
            throw new ForbiddenException($"该记录属于其他站点，您在那个站点没有“{PermissionNames.Of(permission)}”权限。");
    }

    public static async Task<bool> HasAsync(HttpContext http, int siteId, Permission permission) =>
        await http.RequestServices.GetRequiredService<ISitePermissions>().HasAsync(http.User, siteId, permission, http.RequestAborted);
}
