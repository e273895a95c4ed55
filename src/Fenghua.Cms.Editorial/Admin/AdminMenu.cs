using Fenghua.Cms.Core.Sites;
using Fenghua.Cms.Editorial.Security;

namespace Fenghua.Cms.Editorial.Admin;

/// <summary>
/// The navigation a user sees on a site: the registered entries they hold the permission for. Resolved once per
/// request by the admin group's filter (permission checks are asynchronous, the page shell is not).
/// </summary>
public static class AdminMenu
{
    private const string ItemsKey = "fenghua.admin.menu";

    public static async Task ResolveAsync(HttpContext http)
    {
        var site = http.RequestServices.GetRequiredService<SiteContext>().Site;
        var permissions = http.RequestServices.GetRequiredService<SitePermissions>();
        var district = await permissions.IsDistrictAdministratorAsync(http.User, http.RequestAborted);
        var visible = new List<AdminMenuItem>();
        foreach (var item in http.RequestServices.GetServices<AdminMenuItem>().OrderBy(i => i.Order))
            if (item.DistrictOnly ? district : site is not null && await permissions.HasAsync(http.User, site.Id, item.Requires, http.RequestAborted))
                visible.Add(item);
        http.Items[ItemsKey] = visible;
    }

    /// <summary>The resolved entries; outside the admin group only those every signed-in user may open.</summary>
    public static IEnumerable<AdminMenuItem> For(HttpContext http) =>
        (IEnumerable<AdminMenuItem>?)(http.Items[ItemsKey] as List<AdminMenuItem>)
        ?? http.RequestServices.GetServices<AdminMenuItem>().Where(i => i.Requires == Core.Security.Permission.ViewAdmin && !i.DistrictOnly).OrderBy(i => i.Order);
}
