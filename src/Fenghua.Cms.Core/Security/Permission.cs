namespace Fenghua.Cms.Core.Security;

/// <summary>What a role on a site allows. Checked against the site of the resource, not only the site of the URL.</summary>
public enum Permission
{
    ViewAdmin,
    WriteDrafts,
    SubmitForReview,
    Review,
    Publish,
    OverrideChecks,
    ManageMedia,
    ManageColumns,
    ManageChannels,
    ManageSite,
    ManageUsers,
    ViewAudit,
}
