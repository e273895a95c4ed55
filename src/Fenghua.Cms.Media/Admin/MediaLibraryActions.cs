using Fenghua.Cms.Core;
using Fenghua.Cms.Core.Security;
using Fenghua.Cms.Editorial.Admin;
using Fenghua.Cms.Editorial.Review;
using static Fenghua.Cms.Editorial.Admin.AdminHtml;

namespace Fenghua.Cms.Media.Admin;

/// <summary>
/// The library page's forms: upload, new folder, publish, unpublish, delete (confirmed on <see cref="MediaDeletePage"/>). Success returns to the list
/// (with a message); a refusal shows the page again with the reasons and what was typed. Every action is on
/// the site of the URL, whose library is the only one it can reach: another site's file is simply not found.
/// </summary>
public static class MediaLibraryActions
{
    public static async Task<IResult> UploadAsync(HttpContext http, MediaLibrary library, MediaOptions options, IFormCollection form)
    {
        var site = await AdminEndpoints.SiteAsync(http, Permission.ManageMedia);
        var typedFolder = form["folder"].ToString();
        var isPublic = form["public"] == "on";
        var typedAlt = form["altText"].ToString();
        var typed = new MediaLibraryPage.Typed(UploadFolder: typedFolder, UploadPublic: isPublic, UploadAltText: typedAlt);
        var listState = MediaListState.From(http.Request.Query);
        var files = MediaBatchUpload.Chosen(form);
        string? folder;
        string altText;
        try
        {
            folder = MediaFolderPath.Normalize(typedFolder);
            if (MediaBatchUpload.Check(files, options) is { } refusal) throw new ValidationException([refusal]);
            altText = MediaAltText.Clean(typedAlt);
            // One description cannot fit several files; each gets its own on its edit page.
            if (altText.Length > 0 && files.Count > 1)
                throw new ValidationException([new ValidationError("altText", $"说明（替代文本）只能在上传单个文件时填写，本次选择了 {files.Count} 个文件；请清空说明，上传后在各文件的“编辑”页填写。")]);
        }
        catch (ValidationException e)
        {
            return await MediaLibraryPage.RenderAsync(http, site, library, options, listState, "", [.. e.Errors.Select(x => (x.Field, x.Message))], typed, 400);
        }

        var outcome = await MediaBatchUpload.RunAsync(library, files, folder, isPublic, AdminEndpoints.Actor(http), http.RequestAborted, altText);
        var state = listState.WithFolder(folder);
        if (outcome.Refused.Count == 0)
            return Results.Redirect($"{Base(http)}/admin/media{WithMessage(state.QueryString(), outcome.Summary)}");
        // Some files were refused: show why, next to the form, with what was chosen kept (the files themselves cannot be).
        var notice = outcome.Stored.Count > 0 ? Notice(outcome.Summary) : "";
        var errors = new List<(string Field, string Message)>();
        if (outcome.Stored.Count == 0) errors.Add(("files", outcome.Summary));
        errors.AddRange(outcome.Refused.Select(r => ("files", r)));
        return await MediaLibraryPage.RenderAsync(http, site, library, options, state, notice, errors, typed, 400);
    }

    public static async Task<IResult> CreateFolderAsync(HttpContext http, MediaLibrary library, MediaOptions options, IFormCollection form)
    {
        var site = await AdminEndpoints.SiteAsync(http, Permission.ManageMedia);
        var typed = form["path"].ToString();
        var state = MediaListState.From(form);
        try
        {
            var path = MediaFolderPath.Normalize(typed, "path");
            var existed = path is not null && (await library.FoldersAsync(http.RequestAborted)).Any(f => f.Path == path);
            var folder = await library.CreateFolderAsync(path, AdminEndpoints.Actor(http), http.RequestAborted);
            var message = existed ? $"文件夹“{folder.Path}”已存在。" : $"已新建文件夹“{folder.Path}”。";
            return Results.Redirect($"{Base(http)}/admin/media{WithMessage(state.WithFolder(folder.Path).QueryString(), message)}");
        }
        catch (ValidationException e)
        {
            var errors = e.Errors.Select(x => (x.Field == "folder" ? "path" : x.Field, x.Message)).ToList();
            return await MediaLibraryPage.RenderAsync(http, site, library, options, state, "", errors, new MediaLibraryPage.Typed(NewFolder: typed), 400);
        }
    }

    public static Task<IResult> PublishAsync(int id, HttpContext http, MediaLibrary library, IFormCollection form) => SetPublicAsync(id, true, http, library, form);

    public static Task<IResult> UnpublishAsync(int id, HttpContext http, MediaLibrary library, IFormCollection form) => SetPublicAsync(id, false, http, library, form);

    public static async Task<IResult> DeleteAsync(int id, HttpContext http, MediaLibrary library, MediaFolders folders, MediaReferences references,
        MediaOptions options, IFormCollection form)
    {
        var site = await AdminEndpoints.SiteAsync(http, Permission.ManageMedia);
        var state = MediaListState.From(form);
        var file = await library.FindAsync(id, http.RequestAborted) ?? throw NotFound(id);
        try
        {
            if (!await library.DeleteAsync(id, AdminEndpoints.Actor(http), http.RequestAborted)) throw NotFound(id);
        }
        catch (MediaInUseException e)
        {
            return await MediaDeletePage.RenderAsync(http, site, file, folders, references, options, state, e.Message, 409);
        }
        return Results.Redirect($"{Base(http)}/admin/media{WithMessage(state.QueryString(), $"已删除“{file.OriginalName}”。")}");
    }

    private static async Task<IResult> SetPublicAsync(int id, bool isPublic, HttpContext http, MediaLibrary library, IFormCollection form)
    {
        await AdminEndpoints.SiteAsync(http, Permission.ManageMedia);
        var file = await library.SetPublicAsync(id, isPublic, AdminEndpoints.Actor(http), http.RequestAborted) ?? throw NotFound(id);
        var message = isPublic ? $"已公开“{file.OriginalName}”，访客可以打开。" : $"已取消公开“{file.OriginalName}”，只有本站点工作人员可以打开。";
        return Results.Redirect($"{Base(http)}/admin/media{WithMessage(MediaListState.From(form).QueryString(), message)}");
    }

    public static NotFoundException NotFound(int id) => new($"本站点的媒体库中没有编号为 {id} 的文件。");

    public static string WithMessage(string query, string message) =>
        (query.Length == 0 ? "?" : query + "&") + "msg=" + Uri.EscapeDataString(message);
}
