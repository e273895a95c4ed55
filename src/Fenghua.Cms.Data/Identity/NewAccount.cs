namespace Fenghua.Cms.Data.Identity;

/// <summary>
/// A request for a new account and its first role. <paramref name="SiteId"/> is null only for
/// DistrictAdministrator; <paramref name="Password"/> null means generate one (shown once).
/// <paramref name="SiteLabel"/> names the site in the audit entry ("czj", "全部站点").
/// </summary>
public sealed record NewAccount(string UserName, string Email, string? DisplayName, string? Password, string Role, int? SiteId, string SiteLabel);

/// <summary>The created account and, when it was generated, its initial password (to show once, never stored).</summary>
public sealed record CreatedAccount(CmsUser User, string? GeneratedPassword);
