using System.Security.Claims;

namespace Fenghua.Cms.Core.Security;

/// <summary>Answers whether a signed-in user (cookie or API token) may do something on a site. Implemented by the Editorial module.</summary>
public interface ISitePermissions
{
    Task<bool> HasAsync(ClaimsPrincipal user, int siteId, Permission permission, CancellationToken ct = default);
}
