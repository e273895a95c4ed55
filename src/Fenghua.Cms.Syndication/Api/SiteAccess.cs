using System.Security.Claims;
using Fenghua.Cms.Core.Security;
using Fenghua.Cms.Core.Sites;
using Fenghua.Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace Fenghua.Cms.Syndication.Api;

/// <summary>Finds the site named in the URL and asks the permission service (Editorial) whether the caller may act on it.</summary>
public sealed class SiteAccess(CmsDbContext db, IServiceProvider services)
{
    public Task<Site?> SiteAsync(string key, CancellationToken ct) =>
        db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Key == key, ct);

    public async Task<bool> HasAsync(ClaimsPrincipal user, int siteId, Permission permission, CancellationToken ct)
    {
        // No permission service registered means nobody is allowed: fail closed.
        var permissions = services.GetService<ISitePermissions>();
        return permissions is not null && await permissions.HasAsync(user, siteId, permission, ct);
    }
}
