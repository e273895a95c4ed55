using Fenghua.Cms.Core;
using Fenghua.Cms.Data.Media;
using Fenghua.Cms.Media.Imaging;

namespace Fenghua.Cms.Media;

/// <summary>
/// Where media bytes live: {DataPath}/media/{siteKey}/{fileId}/ (outside any web root; only the media
/// endpoints read it). Uploads are prepared in media/.incoming and moved into place when their row exists.
/// </summary>
public sealed class MediaStore(ProductPaths paths)
{
    public string Root { get; } = Path.Combine(paths.DataPath, "media");

    public string FileDirectory(string siteKey, int fileId) => Path.Combine(Root, siteKey, fileId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public string NewIncomingDirectory()
    {
        var dir = Path.Combine(Root, ".incoming", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    public static string OriginalName(MediaFile file) => "original" + file.Extension;

    public static string OriginalName(string extension) => "original" + extension;

    public static string VariantName(int width, ImageFormatKind format) => $"w{width}.{FormatExtension(format)}";

    public static string FormatExtension(ImageFormatKind format) => format switch
    {
        ImageFormatKind.Jpeg => "jpg",
        ImageFormatKind.Webp => "webp",
        ImageFormatKind.Png => "png",
        _ => "gif",
    };

    public string OriginalPath(string siteKey, MediaFile file) => Path.Combine(FileDirectory(siteKey, file.Id), OriginalName(file));

    public string VariantPath(string siteKey, MediaFile file, int width, ImageFormatKind format) =>
        Path.Combine(FileDirectory(siteKey, file.Id), VariantName(width, format));

    public static void DeleteQuietly(string directory)
    {
        try { if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
