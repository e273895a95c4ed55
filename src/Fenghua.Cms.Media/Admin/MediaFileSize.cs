using System.Globalization;

namespace Fenghua.Cms.Media.Admin;

/// <summary>A file size as people read it: "856 字节", "12.3 KB", "4.56 MB".</summary>
public static class MediaFileSize
{
    public static string Format(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} 字节",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " KB",
        _ => (bytes / (1024.0 * 1024)).ToString("0.##", CultureInfo.InvariantCulture) + " MB",
    };
}
