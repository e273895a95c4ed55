using System.Text;
using Fenghua.Cms.Core.Security;
using Fenghua.Cms.Core.Sites;
using Fenghua.Cms.Data.Media;
using Fenghua.Cms.Editorial.Admin;
using static Fenghua.Cms.Editorial.Admin.AdminHtml;

namespace Fenghua.Cms.Media.Admin;

/// <summary>
/// 删除文件 (/admin/media/{id}/delete): the confirmation the library's 删除 link leads to, so a delete needs no
/// script. It names the file and its folder and lists the items that link to it; while any does there is no
/// delete button (the POST would be refused with 409 anyway), only the way to those items.
/// </summary>
public static class MediaDeletePage
{
    public static async Task<IResult> ShowAsync(int id, HttpContext http, MediaLibrary library, MediaFolders folders, MediaReferences references, MediaOptions options)
    {
        var site = await AdminEndpoints.SiteAsync(http, Permission.ManageMedia);
        var file = await library.FindAsync(id, http.RequestAborted) ?? throw MediaLibraryActions.NotFound(id);
        return await RenderAsync(http, site, file, folders, references, options, MediaListState.From(http.Request.Query), null, 200);
    }

    /// <summary>The page, with <paramref name="refusal"/> when a delete was just refused.</summary>
    public static async Task<IResult> RenderAsync(HttpContext http, Site site, MediaFile file, MediaFolders folders, MediaReferences references, MediaOptions options,
        MediaListState state, string? refusal, int status)
    {
        var ct = http.RequestAborted;
        var b = Base(http);
        var used = await references.FindAsync(file, ct);
        var folder = file.FolderId is { } folderId ? (await folders.FindAsync(folderId, ct))?.Path : null;

        var sb = new StringBuilder(refusal is null ? "" : Errors([("delete", refusal)]));
        sb.Append($"<p>要删除的文件：<strong>{H(file.OriginalName)}</strong>，位于{(folder is null ? "媒体库根目录（不在文件夹中）" : $"文件夹“{H(folder)}”")}。</p>");
        sb.Append(MediaFileFacts.Render(http, site, file, options, used));
        if (used.Count > 0)
        {
            sb.Append($"<p class=\"warning\">此文件正被 {used.Count} 篇稿件引用，不能删除：删除后这些页面上的图片或附件会失效。请先在上列稿件中移除对它的链接，再回来删除。</p>");
        }
        else
        {
            sb.Append("<p>删除后文件及其各尺寸图片立即从服务器移除，地址失效，不能恢复。</p>");
            sb.Append($"<form method=\"post\" action=\"{H(b)}/admin/media/{file.Id}/delete\">{Antiforgery(http)}{state.HiddenFields()}");
            sb.Append($"<button type=\"submit\" class=\"reject\">确认删除“{H(file.OriginalName)}”</button></form>");
        }
        sb.Append($"<p><a href=\"{H(b)}/admin/media{H(state.QueryString())}\">取消，返回媒体库</a> · <a href=\"{H(b)}/admin/media/{file.Id}{H(state.QueryString())}\">编辑此文件</a></p>");
        return Page(http, $"删除文件 · {file.OriginalName}", sb.ToString(), status);
    }
}
