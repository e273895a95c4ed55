using Fenghua.Cms.Data.Media;
using Fenghua.Cms.Media.Imaging;

namespace Fenghua.Cms.Media.Http;

/// <summary>The API's view of a media file; URLs include the site's path prefix.</summary>
public static class MediaJson
{
    public static object File(MediaFile f, string pathBase, string? folder, IReadOnlyList<int> widths) => new
    {
        id = f.Id,
        name = f.OriginalName,
        kind = f.Kind.ToString().ToLowerInvariant(),
        contentType = f.ContentType,
        size = f.Size,
        sha256 = f.Sha256,
        width = f.Width,
        height = f.Height,
        altText = f.AltText,
        @public = f.IsPublic,
        folder,
        createdBy = f.CreatedBy,
        createdUtc = f.CreatedUtc,
        url = pathBase + MediaUrls.Original(f),
        variants = f.Kind == MediaKind.Image
            ? widths.Order().Select(w => new { width = w, webp = pathBase + MediaUrls.Variant(f, w, ImageFormatKind.Webp), jpeg = pathBase + MediaUrls.Variant(f, w, ImageFormatKind.Jpeg) }).ToArray()
            : [],
    };
}
