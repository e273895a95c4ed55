using Fenghua.Cms.Core;
using Fenghua.Cms.Core.Security;
using Fenghua.Cms.Editorial.Admin;
using Fenghua.Cms.Editorial.Review;
using static Fenghua.Cms.Editorial.Admin.AdminHtml;

namespace Fenghua.Cms.Media.Admin;

/// <summary>
/// The editor panel's upload: stores the files in the library of the item's site (checked against the item,
/// not only the URL) and returns to the editor with the outcome shown in the panel.
/// </summary>
public static class MediaPickerUpload
{
    public static async Task<IResult> UploadAsync(int itemId, HttpContext http, EditorialWorkflow workflow, ISitePermissions permissions,
        MediaLibrary library, MediaOptions options, IFormCollection form)
    {
        // Enters the item's site, so the library below is that site's.
        var item = await workflow.AuthorizeAsync(http.User, itemId, Permission.WriteDrafts, http.RequestAborted);
        if (!await permissions.HasAsync(http.User, item.SiteId, Permission.ManageMedia, http.RequestAborted))
            throw new ForbiddenException($"您在该站点没有“{PermissionNames.Of(Permission.ManageMedia)}”权限。");
        var files = MediaBatchUpload.Chosen(form);
        var message = MediaBatchUpload.Check(files, options) is { } refusal
            ? refusal.Message
            : (await MediaBatchUpload.RunAsync(library, files, null, form["public"] == "on", AdminEndpoints.Actor(http), http.RequestAborted)).SummaryWithReasons;
        return Results.Redirect($"{Base(http)}/admin/content/{item.Id}?mediaMsg={Uri.EscapeDataString(message)}#media-picker");
    }
}
