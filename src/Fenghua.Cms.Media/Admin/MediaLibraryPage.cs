using System.Globalization;
using System.Text;
using Fenghua.Cms.Core;
using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Core.Security;
using Fenghua.Cms.Core.Sites;
using Fenghua.Cms.Data.Media;
using Fenghua.Cms.Editorial.Admin;
using Fenghua.Cms.Media.Detection;
using static Fenghua.Cms.Editorial.Admin.AdminHtml;

namespace Fenghua.Cms.Media.Admin;

/// <summary>
/// 媒体库 (/admin/media): the site's folders with their counts, search by name, the 图片/文档/压缩包 filter, pages of
/// files with thumbnail, detected type, size, who uploaded when, public or not and the link to copy; the upload
/// form with its limits; publish and unpublish per file, links to its edit page and its delete confirmation.
/// </summary>
public static class MediaLibraryPage
{
    public const int PageSize = 24;

    /// <summary>What the forms held when they are shown again after a refusal.</summary>
    public sealed record Typed(string? NewFolder = null, string? UploadFolder = null, bool UploadPublic = false, string? UploadAltText = null);

    public static async Task<IResult> ShowAsync(HttpContext http, MediaLibrary library, MediaOptions options, string? msg)
    {
        var site = await AdminEndpoints.SiteAsync(http, Permission.ManageMedia);
        return await RenderAsync(http, site, library, options, MediaListState.From(http.Request.Query), Notice(msg), [], null, 200);
    }

    public static async Task<IResult> RenderAsync(HttpContext http, Site site, MediaLibrary library, MediaOptions options, MediaListState state,
        string notice, List<(string Field, string Message)> errors, Typed? typed, int status)
    {
        var ct = http.RequestAborted;
        var b = Base(http);
        if (state.KindError is { } kindError)
        {
            errors.Add((kindError.Field, kindError.Message));
            status = 400;
        }
        MediaPage page;
        try
        {
            page = await library.SearchAsync(new MediaQuery(state.Q, state.Folder, null, state.Page, PageSize, state.Group?.Kinds), ct);
        }
        catch (ValidationException e)
        {
            errors.AddRange(e.Errors.Select(x => (x.Field, x.Message)));
            page = new MediaPage([], 0, 1, PageSize);
            status = 400;
        }
        var folders = await library.FoldersAsync(ct);
        var counts = await library.FolderCountsAsync(ct);
        var total = (await library.SearchAsync(new MediaQuery(PageSize: 1), ct)).Total;
        var folderPaths = folders.ToDictionary(f => f.Id, f => f.Path);
        var current = MediaFolderPathOrNull(state.Folder);

        var sb = new StringBuilder(notice).Append(Errors(errors));
        sb.Append("<div class=\"media-library\">");

        // Folders: a tree by path, each with the files it holds directly.
        sb.Append("<nav class=\"media-folders\" aria-labelledby=\"media-folders-h\"><h2 id=\"media-folders-h\">文件夹</h2><ul>");
        sb.Append($"<li><a href=\"{H(b)}/admin/media{H((state with { Folder = "", Page = 1 }).QueryString())}\"{(current is null ? " aria-current=\"page\"" : "")}>全部文件</a> <span class=\"count\">（{total}）</span></li>");
        foreach (var folder in folders)
        {
            var depth = folder.Path.Count(c => c == '/');
            var name = folder.Path[(folder.Path.LastIndexOf('/') + 1)..];
            sb.Append($"<li class=\"depth-{depth}\"><a href=\"{H(b)}/admin/media{H(state.WithFolder(folder.Path).QueryString())}\" title=\"{H(folder.Path)}\"{(folder.Path == current ? " aria-current=\"page\"" : "")}>{H(name)}</a> <span class=\"count\">（{counts.GetValueOrDefault(folder.Id)}）</span></li>");
        }
        sb.Append("</ul>");
        if (current is not null && folders.FirstOrDefault(f => f.Path == current) is { } shown)
            sb.Append($"<p class=\"media-folder-manage\"><a href=\"{H(b)}/admin/media/folders/{shown.Id}\">改名或删除文件夹“{H(shown.Path)}”</a></p>");
        var newFolderInvalid = errors.Any(e => e.Field == "path") ? " aria-invalid=\"true\" class=\"invalid\"" : "";
        sb.Append($"<form method=\"post\" action=\"{H(b)}/admin/media/folders\" class=\"media-new-folder\">{Antiforgery(http)}{state.HiddenFields()}");
        sb.Append($"<label for=\"folder-path\">新建文件夹</label><input id=\"folder-path\" name=\"path\" value=\"{H(typed?.NewFolder)}\" placeholder=\"如 通知公告/2026\"{newFolderInvalid}>");
        sb.Append($"<small>用 / 分层，最多 {MediaFolderPath.MaxDepth} 层</small> <button type=\"submit\">新建</button></form></nav>");

        sb.Append("<div class=\"media-main\">");
        // Search and filter (GET, so a list can be bookmarked and paged).
        sb.Append($"<form method=\"get\" action=\"{H(b)}/admin/media\" class=\"filters\" role=\"search\">");
        sb.Append($"<label>文件名或说明 <input name=\"q\" value=\"{H(state.Q)}\"></label>");
        sb.Append($"<label>类型 <select name=\"kind\"{(state.KindError is null ? "" : " aria-invalid=\"true\" class=\"invalid\"")}><option value=\"\">全部</option>{Options(MediaKindNames.Groups.Select(g => (g.Value, g.Label)), state.Kind)}</select></label>");
        sb.Append($"<label>文件夹 <select name=\"folder\"><option value=\"\">全部</option>{Options(folders.Select(f => (f.Path, f.Path)), current)}</select></label>");
        sb.Append("<button type=\"submit\">搜索</button></form>");

        // Upload: several files at once, the limits stated up front.
        var uploadFolder = typed?.UploadFolder ?? current ?? "";
        var filesInvalid = errors.Any(e => e.Field == "files") ? " aria-invalid=\"true\" class=\"invalid\"" : "";
        var folderInvalid = errors.Any(e => e.Field == "folder") ? " aria-invalid=\"true\" class=\"invalid\"" : "";
        sb.Append("<section class=\"media-upload\" aria-labelledby=\"media-upload-h\"><h2 id=\"media-upload-h\">上传文件</h2>");
        sb.Append($"<form method=\"post\" action=\"{H(b)}/admin/media/upload\" enctype=\"multipart/form-data\">{Antiforgery(http)}");
        sb.Append($"<div class=\"field\"><label for=\"upload-files\">选择文件（可多选）</label><input id=\"upload-files\" type=\"file\" name=\"files\" multiple required{filesInvalid}></div>");
        sb.Append($"<div class=\"field\"><label for=\"upload-folder\">放入文件夹</label><input id=\"upload-folder\" name=\"folder\" list=\"media-folder-list\" value=\"{H(uploadFolder)}\" placeholder=\"留空则不放入文件夹；不存在的文件夹会自动新建\"{folderInvalid}>");
        sb.Append("<datalist id=\"media-folder-list\">").Append(string.Concat(folders.Select(f => $"<option value=\"{H(f.Path)}\">"))).Append("</datalist></div>");
        var altInvalid = errors.Any(e => e.Field == "altText") ? " aria-invalid=\"true\" class=\"invalid\"" : "";
        sb.Append($"<div class=\"field\"><label for=\"upload-alt\">说明（图片的替代文本，可不填）</label><input id=\"upload-alt\" name=\"altText\" value=\"{H(typed?.UploadAltText)}\" maxlength=\"{MediaAltText.MaxLength}\"{altInvalid}>");
        sb.Append($"<small>只在上传单个文件时填写，最多 {MediaAltText.MaxLength} 个字符；也可以上传后在文件的“编辑”页填写或修改。</small></div>");
        sb.Append($"<label class=\"check\"><input type=\"checkbox\" name=\"public\" value=\"on\"{(typed?.UploadPublic == true ? " checked" : "")}> 公开（访客可以打开；已发布稿件引用的文件须公开）</label>");
        sb.Append($"<p class=\"limits\">{H(Limits(options))}</p>");
        sb.Append("<button type=\"submit\">上传</button></form></section>");

        // The files.
        var filter = new List<string>();
        if (state.Q.Length > 0) filter.Add($"名称或说明含“{state.Q}”");
        if (state.Group is { } g) filter.Add(g.Label);
        if (current is not null) filter.Add($"文件夹“{current}”");
        sb.Append($"<p class=\"media-count\">{(filter.Count > 0 ? H(string.Join("，", filter)) + "：" : "")}共 {page.Total} 个文件。</p>");
        if (page.Items.Count > 0)
        {
            sb.Append("<table class=\"list media-files\"><thead><tr><th>预览</th><th>名称</th><th>类型（按内容识别）</th><th>大小</th><th>上传</th><th>公开</th><th>地址</th><th>操作</th></tr></thead><tbody>");
            foreach (var f in page.Items) sb.Append(Row(http, site, f, f.FolderId is { } id ? folderPaths.GetValueOrDefault(id) : null, options, state));
            sb.Append("</tbody></table>");
        }
        var pages = Math.Max(1, (page.Total + PageSize - 1) / PageSize);
        if (pages > 1)
        {
            sb.Append("<p class=\"pager\">");
            if (state.Page > 1) sb.Append($"<a href=\"{H(b)}/admin/media{H(state.QueryString(state.Page - 1))}\">上一页</a> ");
            sb.Append($"第 {Math.Min(state.Page, pages)}/{pages} 页");
            if (state.Page < pages) sb.Append($" <a href=\"{H(b)}/admin/media{H(state.QueryString(state.Page + 1))}\">下一页</a>");
            sb.Append("</p>");
        }
        sb.Append("</div></div>");
        return Page(http, $"媒体库 · {site.Name}", sb.ToString(), status);
    }

    /// <summary>The limits as the upload forms state them.</summary>
    public static string Limits(MediaOptions options) =>
        $"单个文件不超过 {MediaOptions.FormatBytes(options.MaxUploadBytes)}（{options.MaxUploadBytes.ToString("N0", CultureInfo.InvariantCulture)} 字节），一次最多 {options.MaxFilesPerUpload} 个；" +
        $"图片不超过 {options.MaxImagePixels / 1_000_000.0:0.#} 百万像素。只接受{MediaSniffer.Accepted}；类型按文件内容识别，与扩展名无关；SVG 只能下载。";

    private static string Row(HttpContext http, Site site, MediaFile f, string? folder, MediaOptions options, MediaListState state)
    {
        var b = Base(http);
        var open = b + MediaUrls.Original(f);
        var sb = new StringBuilder($"<tr id=\"media-{f.Id}\"><td class=\"thumb\">");
        sb.Append(f.Kind == MediaKind.Image
            ? $"<a href=\"{H(open)}\"><img src=\"{H(MediaLinks.Thumbnail(b, f, options))}\" alt=\"{H(f.AltText.Length > 0 ? f.AltText : f.OriginalName)}\" width=\"96\" loading=\"lazy\"></a>"
            : $"<span class=\"file-ext\">{H(f.Extension.TrimStart('.').ToUpperInvariant())}</span>");
        sb.Append($"</td><td><a href=\"{H(b)}/admin/media/{f.Id}{H(state.QueryString())}\"><strong class=\"media-name\">{H(f.OriginalName)}</strong></a>");
        if (folder is not null) sb.Append($"<br><small>文件夹：{H(folder)}</small>");
        if (f.AltText.Length > 0) sb.Append($"<br><small>说明：{H(f.AltText)}</small>");
        sb.Append($"</td><td>{H(MediaKindNames.Of(f))}<br><small>{H(f.ContentType)}{(f.Width is { } w && f.Height is { } h ? $"，{w}×{h}" : "")}</small></td>");
        sb.Append($"<td>{H(MediaFileSize.Format(f.Size))}</td>");
        sb.Append($"<td>{H(f.CreatedBy)}<br><small>{ShanghaiTime.PubDate(f.CreatedUtc)}</small></td>");
        var action = (string a) => $"{H(b)}/admin/media/{f.Id}/{a}";
        sb.Append("<td>").Append(f.IsPublic ? "<span class=\"state-published\">公开</span>" : "<span class=\"muted\">未公开</span>");
        sb.Append($"<form method=\"post\" action=\"{action(f.IsPublic ? "unpublish" : "publish")}\">{Antiforgery(http)}{state.HiddenFields()}<button type=\"submit\" class=\"reject\">{(f.IsPublic ? "取消公开" : "公开")}</button></form></td>");
        sb.Append($"<td><input class=\"copy\" readonly value=\"{H(MediaLinks.File(site, f))}\" aria-label=\"{H(f.OriginalName)} 的地址\"> <a href=\"{H(open)}\" target=\"_blank\" rel=\"noopener\">打开</a></td>");
        // Both are pages (edit form, delete confirmation), so they work without script.
        sb.Append($"<td><a href=\"{H(b)}/admin/media/{f.Id}{H(state.QueryString())}\" aria-label=\"编辑 {H(f.OriginalName)}\">编辑</a> ");
        sb.Append($"<a href=\"{action("delete")}{H(state.QueryString())}\" class=\"reject\" aria-label=\"删除 {H(f.OriginalName)}\">删除</a></td></tr>");
        return sb.ToString();
    }

    private static string? MediaFolderPathOrNull(string typed)
    {
        try { return MediaFolderPath.Normalize(typed); }
        catch (ValidationException) { return null; }
    }
}
