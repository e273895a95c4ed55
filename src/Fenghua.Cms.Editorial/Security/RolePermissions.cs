using Fenghua.Cms.Core.Security;
using Fenghua.Cms.Data.Identity;

namespace Fenghua.Cms.Editorial.Security;

/// <summary>What each site role allows. Authors write and submit; only reviewers publish; administrators run the site.</summary>
public static class RolePermissions
{
    private static readonly Permission[] AuthorSet = [Permission.ViewAdmin, Permission.WriteDrafts, Permission.SubmitForReview];
    private static readonly Permission[] EditorSet = [.. AuthorSet, Permission.ManageMedia, Permission.ManageColumns];
    private static readonly Permission[] ReviewerSet = [.. AuthorSet, Permission.Review, Permission.Publish, Permission.OverrideChecks, Permission.ManageMedia];

    public static IReadOnlyCollection<Permission> For(string role) => role switch
    {
        SiteRoles.DistrictAdministrator or SiteRoles.SiteAdministrator => Enum.GetValues<Permission>(),
        SiteRoles.Reviewer => ReviewerSet,
        SiteRoles.Editor => EditorSet,
        SiteRoles.Author => AuthorSet,
        _ => [],
    };

    public static string DisplayName(string role) => role switch
    {
        SiteRoles.DistrictAdministrator => "区级管理员",
        SiteRoles.SiteAdministrator => "站点管理员",
        SiteRoles.Reviewer => "审核人",
        SiteRoles.Editor => "编辑",
        SiteRoles.Author => "作者",
        _ => role,
    };
}
