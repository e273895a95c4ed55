using System.Text;
using Fenghua.Cms.Core;
using Fenghua.Cms.Core.Security;
using Fenghua.Cms.Data.Media;
using Fenghua.Cms.Editorial.Admin;
using Fenghua.Cms.Editorial.Review;
using static Fenghua.Cms.Editorial.Admin.AdminHtml;

namespace Fenghua.Cms.Media.Admin;

/// <summary>
/// 管理文件夹 (/admin/media/folders/{id}): rename a folder (its subfolders follow, its files stay in it) and delete it
/// once empty; a folder that still holds files or folders is refused with the counts (409). Only a folder of the
/// URL's site is found.
/// </summary>
public static class MediaFolderPage
{
    public static async Task<IResult> ShowAsync(int id, HttpContext http, MediaFolders folders)
    {
        await AdminEndpoints.SiteAsync(http, Permission.ManageMedia);
        var folder = await folders.FindAsync(id, http.RequestAborted) ?? throw NotFound(id);
        return await RenderAsync(http, folders, folder, folder.Path, [], 200);
    }

    public static async Task<IResult> RenameAsync(int id, HttpContext http, MediaFolders folders, IFormCollection form)
    {
        await AdminEndpoints.SiteAsync(http, Permission.ManageMedia);
        var folder = await folders.FindAsync(id, http.RequestAborted) ?? throw NotFound(id);
        var typed = form["path"].ToString();
        try
        {
            var renamed = await folders.RenameAsync(id, typed, AdminEndpoints.Actor(http), http.RequestAborted) ?? throw NotFound(id);
            var message = renamed.Path == folder.Path ? $"文件夹“{folder.Path}”的名称没有改动。" : $"已把文件夹“{folder.Path}”改名为“{renamed.Path}”。";
            return Results.Redirect($"{Base(http)}/admin/media{MediaLibraryActions.WithMessage(MediaListState.Empty.WithFolder(renamed.Path).QueryString(), message)}");
        }
        catch (ValidationException e)
        {
            return await RenderAsync(http, folders, folder, typed, [.. e.Errors.Select(x => (x.Field == "folder" ? "path" : x.Field, x.Message))], 400);
        }
    }

    public static async Task<IResult> DeleteAsync(int id, HttpContext http, MediaFolders folders)
    {
        await AdminEndpoints.SiteAsync(http, Permission.ManageMedia);
        var folder = await folders.FindAsync(id, http.RequestAborted) ?? throw NotFound(id);
        try
        {
            if (!await folders.DeleteAsync(id, AdminEndpoints.Actor(http), http.RequestAborted)) throw NotFound(id);
        }
        catch (MediaFolderNotEmptyException e)
        {
            return await RenderAsync(http, folders, folder, folder.Path, [("delete", e.Message)], 409);
        }
        return Results.Redirect($"{Base(http)}/admin/media{MediaLibraryActions.WithMessage("", $"已删除空文件夹“{folder.Path}”。")}");
    }

    private static async Task<IResult> RenderAsync(HttpContext http, MediaFolders folders, MediaFolder folder, string typedPath,
        List<(string Field, string Message)> errors, int status)
    {
        var b = Base(http);
        var (files, subfolders) = await folders.ContentsAsync(folder, http.RequestAborted);
        var invalid = errors.Any(e => e.Field == "path") ? " aria-invalid=\"true\" class=\"invalid\"" : "";
        var sb = new StringBuilder(Errors(errors));
        sb.Append($"<p>文件夹“{H(folder.Path)}”中有 {files} 个文件、{subfolders} 个子文件夹。");
        sb.Append($" <a href=\"{H(b)}/admin/media{H(MediaListState.Empty.WithFolder(folder.Path).QueryString())}\">查看其中的文件</a></p>");

        sb.Append("<section aria-labelledby=\"folder-rename-h\"><h2 id=\"folder-rename-h\">改名或移动</h2>");
        sb.Append($"<form method=\"post\" action=\"{H(b)}/admin/media/folders/{folder.Id}/rename\">{Antiforgery(http)}");
        sb.Append($"<div class=\"field\"><label for=\"folder-path\">新路径</label><input id=\"folder-path\" name=\"path\" value=\"{H(typedPath)}\" required{invalid}>");
        sb.Append($"<small>用 / 分层，最多 {MediaFolderPath.MaxDepth} 层，每层不超过 {MediaFolderPath.MaxSegmentLength} 个字符，整个路径不超过 {MediaFolderPath.MaxLength} 个字符；");
        sb.Append("子文件夹随之改名，文件留在此文件夹中；文件的地址不变。</small></div>");
        sb.Append("<button type=\"submit\">保存</button></form></section>");

        sb.Append("<section aria-labelledby=\"folder-delete-h\"><h2 id=\"folder-delete-h\">删除文件夹</h2>");
        if (files > 0 || subfolders > 0)
            sb.Append($"<p class=\"muted\">只能删除空文件夹：请先把其中的 {files} 个文件、{subfolders} 个子文件夹移到别处或删除。</p>");
        else
            sb.Append($"<form method=\"post\" action=\"{H(b)}/admin/media/folders/{folder.Id}/delete\">{Antiforgery(http)}<p>文件夹是空的，可以删除。</p><button type=\"submit\" class=\"reject\">删除文件夹“{H(folder.Path)}”</button></form>");
        sb.Append($"</section><p><a href=\"{H(b)}/admin/media\">返回媒体库</a></p>");
        return Page(http, $"管理文件夹 · {folder.Path}", sb.ToString(), status);
    }

    private static NotFoundException NotFound(int id) => new($"本站点的媒体库中没有编号为 {id} 的文件夹。");
}
