namespace Fenghua.Cms.Media;

/// <summary>Fenghua:Media settings: every limit of the media library, explicit and configurable.</summary>
public sealed class MediaOptions
{
    public static readonly int[] DefaultWidths = [320, 640, 960, 1280, 1920];

    /// <summary>Largest accepted upload (default 20 MB).</summary>
    public long MaxUploadBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>Files one admin upload form may carry (each up to <see cref="MaxUploadBytes"/>).</summary>
    public int MaxFilesPerUpload { get; set; } = 10;

    /// <summary>Images with more pixels (width × height, as declared in the header) are refused before decoding.</summary>
    public long MaxImagePixels { get; set; } = 40_000_000;

    /// <summary>The only widths served; set from Fenghua:Media:Widths (e.g. "320,640,960").</summary>
    public int[] Widths { get; set; } = DefaultWidths;

    /// <summary>Images decoded at the same time; the rest wait.</summary>
    public int MaxConcurrentImageJobs { get; set; } = 2;

    /// <summary>The image engine refuses any single buffer larger than this.</summary>
    public int ImageAllocationLimitMegabytes { get; set; } = 512;

    /// <summary>Memory the image engine keeps pooled between jobs.</summary>
    public int ImagePoolMegabytes { get; set; } = 32;

    public int JpegQuality { get; set; } = 82;
    public int WebpQuality { get; set; } = 80;

    /// <summary>ZIP (and DOCX/XLSX) archives with more entries are refused.</summary>
    public int ZipMaxEntries { get; set; } = 10_000;

    /// <summary>ZIP archives that would expand to more than this are refused (a zip bomb).</summary>
    public long ZipMaxUncompressedBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>A single entry compressed more than this many times is refused (a zip bomb).</summary>
    public int ZipMaxCompressionRatio { get; set; } = 200;

    public static string FormatBytes(long bytes) => bytes % (1024 * 1024) == 0
        ? $"{bytes / (1024 * 1024)} MB"
        : $"{bytes / (1024.0 * 1024):0.##} MB";
}
