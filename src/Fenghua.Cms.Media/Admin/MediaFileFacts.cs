using System.Text;
using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Core.Sites;
using Fenghua.Cms.Data.Media;
using Fenghua.Cms.Editorial.Admin;
using static Fenghua.Cms.Editorial.Admin.AdminHtml;

namespace Fenghua.Cms.Media.Admin;

/// <summary>
/// What the edit and delete pages say about one file: preview, name, type, size, uploader, link, and the items
/// that link to it (linked to their editor when they are on this site; another site's item is named only).
/// </summary>
public static class MediaFileFacts
{
    public static string Render(HttpContext http, Site site, MediaFile f, MediaOptions options, IReadOnlyList<MediaReference> used)
    {
        var b = Base(http);
        var open = b + MediaUrls.Original(f);
        var sb = new StringBuilder("<dl class=\"media-facts\">");
        if (f.Kind == MediaKind.Image)
            sb.Append($"<dt>预览</dt><dd><a href=\"{H(open)}\"><img src=\"{H(MediaLinks.Thumbnail(b, f, options))}\" alt=\"{H(f.AltText.Length > 0 ? f.AltText : f.OriginalName)}\" width=\"160\"></a></dd>");
        sb.Append($"<dt>名称</dt><dd><strong class=\"media-name\">{H(f.OriginalName)}</strong></dd>");
        sb.Append($"<dt>类型（按内容识别）</dt><dd>{H(MediaKindNames.Of(f))}，{H(f.ContentType)}{(f.Width is { } w && f.Height is { } hgt ? $"，{w}×{hgt}" : "")}</dd>");
        sb.Append($"<dt>大小</dt><dd>{H(MediaFileSize.Format(f.Size))}</dd>");
        sb.Append($"<dt>上传</dt><dd>{H(f.CreatedBy)}，{ShanghaiTime.PubDate(f.CreatedUtc)}</dd>");
        sb.Append($"<dt>地址</dt><dd><input class=\"copy\" readonly value=\"{H(MediaLinks.File(site, f))}\" aria-label=\"{H(f.OriginalName)} 的地址\"> <a href=\"{H(open)}\" target=\"_blank\" rel=\"noopener\">打开</a></dd>");
        sb.Append("<dt>引用</dt><dd>");
        if (used.Count == 0) sb.Append("<span class=\"muted\">没有稿件引用此文件。</span>");
        else
        {
            sb.Append($"被 {used.Count} 篇稿件引用：<ul class=\"media-references\">");
            foreach (var r in used)
                sb.Append(r.SiteId == site.Id
                    ? $"<li><a href=\"{H(b)}/admin/content/{r.ItemId}\">稿件 {r.ItemId}《{H(r.Title)}》</a></li>"
                    : $"<li>{H(r.SiteName)} 稿件 {r.ItemId}《{H(r.Title)}》</li>");
            sb.Append("</ul>");
        }
        return sb.Append("</dd></dl>").ToString();
    }
}
