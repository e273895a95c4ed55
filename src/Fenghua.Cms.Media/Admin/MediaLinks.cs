using Fenghua.Cms.Core.Sites;
using Fenghua.Cms.Data.Media;
using Fenghua.Cms.Media.Imaging;

namespace Fenghua.Cms.Media.Admin;

/// <summary>
/// The links content should carry to a site's media: what the library shows to copy and what the picker
/// inserts. Media is only served under its own site, so the link includes the path visitors reach the site
/// under: none for a site with its own host names, else its path prefix ("/czj").
/// </summary>
public static class MediaLinks
{
    /// <summary>Widest image put into body text; larger ones would only slow phones down.</summary>
    public const int BodyImageWidth = 960;

    public static string SitePrefix(Site site) => site.HostNames.Count > 0 ? "" : site.PathPrefix;

    /// <summary>The file itself (the cleaned master of an image).</summary>
    public static string File(Site site, MediaFile file) => SitePrefix(site) + MediaUrls.Original(file);

    /// <summary>The smallest allowed width, as WebP, under <paramref name="prefix"/>.</summary>
    public static string Thumbnail(string prefix, MediaFile file, MediaOptions options) =>
        prefix + MediaUrls.Variant(file, options.Widths.Min(), ImageFormatKind.Webp);

    /// <summary>
    /// The image for body text: an allowed width up to <see cref="BodyImageWidth"/> (narrower images are served
    /// unscaled at that width), JPEG for photos and WebP for the rest to keep transparency; a GIF stays the
    /// original so it keeps moving.
    /// </summary>
    public static string BodyImage(Site site, MediaFile file, MediaOptions options)
    {
        if (file.Kind != MediaKind.Image || file.Extension == ".gif") return File(site, file);
        var fitting = options.Widths.Where(w => w <= BodyImageWidth).ToArray();
        var width = fitting.Length > 0 ? fitting.Max() : options.Widths.Min();
        return SitePrefix(site) + MediaUrls.Variant(file, width, file.Extension == ".jpg" ? ImageFormatKind.Jpeg : ImageFormatKind.Webp);
    }

    /// <summary>A line of the editor's attachments field: "名称 | 地址".</summary>
    public static string AttachmentLine(Site site, MediaFile file) => $"{file.OriginalName} | {File(site, file)}";

    /// <summary>Markdown for the image in body text; the alternative text is the file's, else its name without extension.</summary>
    public static string MarkdownImage(Site site, MediaFile file, MediaOptions options)
    {
        var alt = file.AltText.Length > 0 ? file.AltText : Path.GetFileNameWithoutExtension(file.OriginalName);
        var escaped = alt.Replace("\\", "\\\\").Replace("[", "\\[").Replace("]", "\\]");
        return $"![{escaped}]({BodyImage(site, file, options)})";
    }
}
