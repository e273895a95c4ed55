using Fenghua.Cms.Data.Media;
using Fenghua.Cms.Media.Imaging;

namespace Fenghua.Cms.Media;

/// <summary>
/// Site-relative URLs of a media file. They carry the first 16 hex digits of the file's SHA-256, and a
/// file's bytes never change, so every URL names one immutable response.
/// </summary>
public static class MediaUrls
{
    public static string Hash(MediaFile file) => file.Sha256[..16];

    public static string Original(MediaFile file) => $"/media/{file.Id}/{Hash(file)}/o/{Uri.EscapeDataString(DownloadName(file))}";

    public static string Variant(MediaFile file, int width, ImageFormatKind format) =>
        $"/media/{file.Id}/{Hash(file)}/{MediaStore.VariantName(width, format)}";

    /// <summary>The name a download gets: the uploaded name with the extension of the detected type.</summary>
    public static string DownloadName(MediaFile file)
    {
        var stem = Path.GetFileNameWithoutExtension(file.OriginalName);
        var clean = new string(stem.Where(c => !char.IsControl(c) && c is not ('/' or '\\' or '"' or ':' or '*' or '?' or '<' or '>' or '|')).ToArray()).Trim();
        return (clean.Length == 0 ? "file" : clean) + file.Extension;
    }
}
