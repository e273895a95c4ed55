using System.Security.Claims;
using Fenghua.Cms.Core.Security;
using Fenghua.Cms.Core.Sites;
using Fenghua.Cms.Data.Identity;
using Fenghua.Cms.Editorial.Review;

namespace Fenghua.Cms.Editorial.Security;

/// <summary>
/// Who may disable, enable or reset the password of an account from a site's admin: a district administrator
/// anyone's; whoever may manage users on the site only accounts whose roles are all on that site (so one department
/// cannot lock out another's staff, or a district administrator). An account without roles is the district's.
/// </summary>
public sealed class AccountStewardship(SitePermissions permissions)
{
    public static bool MayManage(bool districtAdministrator, int siteId, IReadOnlyCollection<SiteRoleAssignment> targetRoles) =>
        districtAdministrator || targetRoles.Count > 0 && targetRoles.All(r => r.SiteId == siteId);

    public async Task EnsureAsync(ClaimsPrincipal user, Site site, CmsUser target, CancellationToken ct)
    {
        if (!await permissions.HasAsync(user, site.Id, Permission.ManageUsers, ct))
            throw new ForbiddenException($"您在“{site.Name}”没有“{PermissionNames.Of(Permission.ManageUsers)}”权限。");
        var district = await permissions.IsDistrictAdministratorAsync(user, ct);
        if (!MayManage(district, site.Id, await permissions.RolesAsync(target.Id, ct)))
            throw new ForbiddenException($"用户“{target.UserName}”不只属于“{site.Name}”（在其他站点有角色、是区级管理员或没有角色），只有区级管理员可以停用、启用或重置其密码。");
    }
}
