using System.Security.Claims;
using Fenghua.Cms.Core.Security;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Identity;
using Microsoft.EntityFrameworkCore;

namespace Fenghua.Cms.Editorial.Security;

/// <summary>
/// Per-site roles from SiteRoleAssignment: a DistrictAdministrator (SiteId null) holds every permission on every
/// site; other roles only on their site. Scoped, so a request reads a user's roles once.
/// </summary>
public sealed class SitePermissions(CmsDbContext db) : ISitePermissions
{
    private readonly Dictionary<string, List<SiteRoleAssignment>> _roles = [];
    private readonly Dictionary<int, bool> _requires = [];
    private bool? _twoFactor;
    private DateTimeOffset? _lockoutEnd;

    public async Task<bool> HasAsync(ClaimsPrincipal user, int siteId, Permission permission, CancellationToken ct = default)
    {
        var userId = UserId(user);
        if (userId is null) return false;
        if (await MissingTwoFactorAsync(user, siteId, ct)) return false;
        var roles = await ActiveRolesAsync(userId, ct);
        return roles.Any(r => (r.SiteId is null && r.Role == SiteRoles.DistrictAdministrator || r.SiteId == siteId) && RolePermissions.For(r.Role).Contains(permission));
    }

    /// <summary>True when the site requires two-factor sign-in and the user has not enabled it.</summary>
    public async Task<bool> MissingTwoFactorAsync(ClaimsPrincipal user, int siteId, CancellationToken ct = default)
    {
        if (UserId(user) is not { } userId) return false;
        if (!_requires.TryGetValue(siteId, out var requires))
            _requires[siteId] = requires = await db.EditorialSettings.IgnoreQueryFilters().AnyAsync(s => s.SiteId == siteId && s.RequireTwoFactor, ct);
        if (!requires) return false;
        _twoFactor ??= await db.Users.Where(u => u.Id == userId).Select(u => u.TwoFactorEnabled).FirstOrDefaultAsync(ct);
        return !_twoFactor.Value;
    }

    public async Task<bool> IsDistrictAdministratorAsync(ClaimsPrincipal user, CancellationToken ct = default) =>
        UserId(user) is { } id && (await ActiveRolesAsync(id, ct)).Any(r => r.SiteId is null && r.Role == SiteRoles.DistrictAdministrator);

    /// <summary>The sites where the user may open the admin (null = all sites).</summary>
    public async Task<IReadOnlyList<int>?> AdminSitesAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (UserId(user) is not { } id) return [];
        var roles = await ActiveRolesAsync(id, ct);
        if (roles.Any(r => r.SiteId is null && r.Role == SiteRoles.DistrictAdministrator)) return null;
        return roles.Where(r => r.SiteId is not null).Select(r => r.SiteId!.Value).Distinct().ToList();
    }

    public async Task<List<SiteRoleAssignment>> RolesAsync(string userId, CancellationToken ct = default)
    {
        if (_roles.TryGetValue(userId, out var cached)) return cached;
        var roles = await db.SiteRoles.AsNoTracking().Where(r => r.UserId == userId).ToListAsync(ct);
        _roles[userId] = roles;
        return roles;
    }

    /// <summary>
    /// The roles a signed-in user acts with: none once an administrator disabled the account, at once, not only when
    /// the cookie's security stamp is next checked.
    /// </summary>
    private async Task<List<SiteRoleAssignment>> ActiveRolesAsync(string userId, CancellationToken ct)
    {
        // Read as a value and compared here: SQLite does not translate DateTimeOffset comparisons.
        _lockoutEnd ??= (await db.Users.Where(u => u.Id == userId).Select(u => u.LockoutEnd).ToListAsync(ct)).FirstOrDefault() ?? DateTimeOffset.MinValue;
        return _lockoutEnd >= UserAccounts.DisabledUntil ? [] : await RolesAsync(userId, ct);
    }

    public static string? UserId(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
}
