using System.Text;
using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Core.Security;
using Fenghua.Cms.Core.Sites;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Media;
using Fenghua.Cms.Editorial.Admin;
using Fenghua.Cms.Editorial.Review;
using Microsoft.EntityFrameworkCore;
using static Fenghua.Cms.Editorial.Admin.AdminHtml;

namespace Fenghua.Cms.Media.Admin;

/// <summary>
/// 媒体库 beside the editor of an item: the most recent (or, with ?media=words on the editor's URL, the
/// matching) files of the item's site, each with buttons that put an attachment line or a body image into
/// the editor (admin.js), and the same lines as text to copy without JavaScript; plus a small upload form
/// that returns to the editor.
/// </summary>
public sealed class MediaPickerPanel(CmsDbContext db, SiteContext siteContext, ISitePermissions permissions, MediaLibrary library, MediaOptions options)
    : IContentEditorPanel
{
    public const int ShownFiles = 8;
    public const string AttachmentsField = "f-Attachments-files";
    public const string BodyField = "f-MarkdownBody-markdown";

    public int Order => 10;

    public async Task<string> RenderAsync(HttpContext http, ContentItem item, ContentVersion latest, CancellationToken ct)
    {
        var type = await db.ContentTypes.AsNoTracking().FirstOrDefaultAsync(t => t.Name == item.ContentType, ct);
        var attachments = type?.Has("Attachments") == true;
        var body = type?.Has("MarkdownBody") == true;
        if (!attachments && !body) return "";
        if (!await permissions.HasAsync(http.User, item.SiteId, Permission.WriteDrafts, ct)) return "";

        var sb = new StringBuilder("<aside class=\"workflow media-picker\" id=\"media-picker\" aria-labelledby=\"media-picker-h\"><h2 id=\"media-picker-h\">媒体库</h2>");
        if (!await permissions.HasAsync(http.User, item.SiteId, Permission.ManageMedia, ct))
            return sb.Append($"<p class=\"muted\">您在本站点没有“{PermissionNames.Of(Permission.ManageMedia)}”权限，不能选用或上传文件；请联系编辑、审核人或站点管理员。</p></aside>").ToString();

        // The editor has entered the item's site already; this only guards a caller that has not.
        if (siteContext.SiteId != item.SiteId) siteContext.Enter(await db.Sites.AsNoTracking().FirstAsync(s => s.Id == item.SiteId, ct));
        var site = siteContext.Site!;
        var b = Base(http);
        var editor = $"{b}/admin/content/{item.Id}";
        if (http.Request.Query["mediaMsg"].ToString() is { Length: > 0 } message)
            sb.Append($"<p class=\"notice{(!message.StartsWith("已上传", StringComparison.Ordinal) || message.Contains("被拒", StringComparison.Ordinal) ? " warning" : "")}\" role=\"status\">{H(message)}</p>");

        var words = http.Request.Query["media"].ToString().Trim();
        sb.Append($"<form method=\"get\" action=\"{H(editor)}#media-picker\" role=\"search\"><label for=\"media-q\">搜索本站点的文件</label>");
        sb.Append($"<input id=\"media-q\" name=\"media\" value=\"{H(words)}\" placeholder=\"文件名或说明\"> <button type=\"submit\">搜索</button></form>");
        var page = await library.SearchAsync(new MediaQuery(words, PageSize: ShownFiles), ct);
        sb.Append("<p class=\"muted\">").Append(words.Length == 0 ? "最近上传的文件" : $"与“{H(words)}”匹配的文件共 {page.Total} 个")
          .Append(page.Total > ShownFiles ? $"（显示最新 {ShownFiles} 个）" : "").Append("：</p>");
        if (page.Items.Count == 0) sb.Append("<p class=\"empty\">没有文件。</p>");
        else
        {
            sb.Append("<ul class=\"media-picks\">");
            foreach (var f in page.Items) sb.Append(Pick(b, site, f, attachments, body));
            sb.Append("</ul>");
            if (attachments || body) sb.Append("<p class=\"muted\"><small>没有脚本时，请复制上面的行：附件行粘贴到“附件”，图片行粘贴到正文。</small></p>");
        }
        sb.Append($"<p><a href=\"{H(b)}/admin/media{(words.Length > 0 ? "?q=" + H(Uri.EscapeDataString(words)) : "")}\">在媒体库中管理文件</a></p>");

        sb.Append($"<form method=\"post\" action=\"{H(b)}/admin/media/picker/{item.Id}/upload\" enctype=\"multipart/form-data\" class=\"media-picker-upload\">{Antiforgery(http)}");
        sb.Append("<label for=\"picker-files\">上传到媒体库</label><input id=\"picker-files\" type=\"file\" name=\"files\" multiple required>");
        // Checked by default: a file picked for content is meant to be seen once the item is published.
        sb.Append("<label class=\"check\"><input type=\"checkbox\" name=\"public\" value=\"on\" checked> 公开（发布后访客可以打开）</label>");
        sb.Append($"<small>{H(MediaLibraryPage.Limits(options))}</small> <button type=\"submit\">上传</button></form>");
        return sb.Append("</aside>").ToString();
    }

    private string Pick(string b, Site site, MediaFile f, bool attachments, bool body)
    {
        var sb = new StringBuilder("<li class=\"media-pick\">");
        if (f.Kind == MediaKind.Image) sb.Append($"<img src=\"{H(MediaLinks.Thumbnail(b, f, options))}\" alt=\"\" width=\"64\" loading=\"lazy\"> ");
        sb.Append($"<span class=\"media-name\">{H(f.OriginalName)}</span> <small>{H(MediaKindNames.Of(f))} · {H(MediaFileSize.Format(f.Size))}</small>");
        if (!f.IsPublic) sb.Append(" <small class=\"warning\">未公开：发布后访客打不开，请在媒体库中公开</small>");
        var line = MediaLinks.AttachmentLine(site, f);
        var image = f.Kind == MediaKind.Image && body ? MediaLinks.MarkdownImage(site, f, options) : null;
        sb.Append("<div class=\"pick-actions\">");
        if (attachments) sb.Append($"<button type=\"button\" data-append-to=\"{AttachmentsField}\" data-text=\"{H(line)}\">添加为附件</button> ");
        if (image is not null) sb.Append($"<button type=\"button\" data-insert-into=\"{BodyField}\" data-text=\"{H(image)}\">插入正文</button>");
        sb.Append("</div>");
        if (attachments) sb.Append($"<code class=\"pick-line\">{H(line)}</code>");
        if (image is not null) sb.Append($"<code class=\"pick-line\">{H(image)}</code>");
        if (!attachments && image is null) sb.Append($"<code class=\"pick-line\">{H(MediaLinks.File(site, f))}</code>");
        return sb.Append("</li>").ToString();
    }
}
