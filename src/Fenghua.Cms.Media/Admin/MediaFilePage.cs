using System.Text;
using Fenghua.Cms.Core;
using Fenghua.Cms.Core.Security;
using Fenghua.Cms.Core.Sites;
using Fenghua.Cms.Data.Media;
using Fenghua.Cms.Editorial.Admin;
using static Fenghua.Cms.Editorial.Admin.AdminHtml;

namespace Fenghua.Cms.Media.Admin;

/// <summary>
/// 编辑文件 (/admin/media/{id}): the file's facts (name, type, size, uploader, link, where it is used) and the form
/// for its description (the image's alternative text), folder and public flag. A refusal shows the form again
/// with what was typed and each bad field marked; nothing is saved. Only a file of the URL's site is found.
/// </summary>
public static class MediaFilePage
{
    /// <summary>What the form held.</summary>
    public sealed record Typed(string AltText, string Folder, bool IsPublic);

    public static async Task<IResult> ShowAsync(int id, HttpContext http, MediaLibrary library, MediaFolders folders, MediaReferences references, MediaOptions options)
    {
        var site = await AdminEndpoints.SiteAsync(http, Permission.ManageMedia);
        var file = await library.FindAsync(id, http.RequestAborted) ?? throw MediaLibraryActions.NotFound(id);
        var folder = file.FolderId is { } folderId ? (await folders.FindAsync(folderId, http.RequestAborted))?.Path : null;
        return await RenderAsync(http, site, file, library, references, options, MediaListState.From(http.Request.Query),
            new Typed(file.AltText, folder ?? "", file.IsPublic), [], 200);
    }

    public static async Task<IResult> SaveAsync(int id, HttpContext http, MediaLibrary library, MediaReferences references, MediaOptions options, IFormCollection form)
    {
        var site = await AdminEndpoints.SiteAsync(http, Permission.ManageMedia);
        var file = await library.FindAsync(id, http.RequestAborted) ?? throw MediaLibraryActions.NotFound(id);
        var typed = new Typed(form["altText"].ToString(), form["folder"].ToString(), form["public"] == "on");
        var state = MediaListState.From(form);
        try
        {
            var update = await library.UpdateAsync(id, new MediaFileChanges(typed.AltText, typed.Folder, typed.IsPublic), AdminEndpoints.Actor(http), http.RequestAborted)
                ?? throw MediaLibraryActions.NotFound(id);
            var message = update.Changes.Count == 0 ? $"“{file.OriginalName}”没有改动。" : $"已保存“{file.OriginalName}”：{string.Join("；", update.Changes)}。";
            return Results.Redirect($"{Base(http)}/admin/media{MediaLibraryActions.WithMessage(state.QueryString(), message)}#media-{id}");
        }
        catch (ValidationException e)
        {
            return await RenderAsync(http, site, file, library, references, options, state, typed, [.. e.Errors.Select(x => (x.Field, x.Message))], 400);
        }
    }

    private static async Task<IResult> RenderAsync(HttpContext http, Site site, MediaFile file, MediaLibrary library, MediaReferences references, MediaOptions options,
        MediaListState state, Typed typed, List<(string Field, string Message)> errors, int status)
    {
        var ct = http.RequestAborted;
        var b = Base(http);
        var allFolders = await library.FoldersAsync(ct);
        var used = await references.FindAsync(file, ct);
        string Invalid(string field) => errors.Any(e => e.Field == field) ? " aria-invalid=\"true\" class=\"invalid\"" : "";

        var sb = new StringBuilder(Errors(errors));
        sb.Append("<div class=\"media-file\">");
        sb.Append(MediaFileFacts.Render(http, site, file, options, used));

        sb.Append($"<form method=\"post\" action=\"{H(b)}/admin/media/{file.Id}\" class=\"media-edit\">{Antiforgery(http)}{state.HiddenFields()}");
        sb.Append($"<div class=\"field\"><label for=\"media-alt\">说明（图片的替代文本）</label><input id=\"media-alt\" name=\"altText\" value=\"{H(typed.AltText)}\" maxlength=\"{MediaAltText.MaxLength}\"{Invalid("altText")}>");
        sb.Append($"<small>最多 {MediaAltText.MaxLength} 个字符，一行。图片请写清画面内容（读屏软件会朗读，插入正文时作为替代文本；公开前审查会提示缺少替代文本的图片）；其他文件写一句用途说明，可按说明搜索。</small></div>");
        sb.Append($"<div class=\"field\"><label for=\"media-folder\">文件夹</label><input id=\"media-folder\" name=\"folder\" list=\"media-folder-list\" value=\"{H(typed.Folder)}\" placeholder=\"留空表示不放入文件夹\"{Invalid("folder")}>");
        sb.Append("<datalist id=\"media-folder-list\">").Append(string.Concat(allFolders.Select(f => $"<option value=\"{H(f.Path)}\">"))).Append("</datalist>");
        sb.Append("<small>移到已有的文件夹（可选：").Append(allFolders.Count == 0 ? "本站点还没有文件夹" : H(string.Join("、", allFolders.Select(f => f.Path))))
          .Append($"）；新文件夹请先在<a href=\"{H(b)}/admin/media\">媒体库</a>中新建。文件的地址不会因移动而改变。</small></div>");
        sb.Append($"<label class=\"check\"><input type=\"checkbox\" name=\"public\" value=\"on\"{(typed.IsPublic ? " checked" : "")}> 公开（访客可以打开；已发布稿件引用的文件须公开）</label>");
        sb.Append("<p><button type=\"submit\">保存</button></p></form>");

        sb.Append($"<p><a href=\"{H(b)}/admin/media/{file.Id}/delete{H(state.QueryString())}\">删除此文件…</a> · <a href=\"{H(b)}/admin/media{H(state.QueryString())}\">返回媒体库</a></p>");
        sb.Append("</div>");
        return Page(http, $"编辑文件 · {file.OriginalName}", sb.ToString(), status);
    }
}
