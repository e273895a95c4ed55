namespace Fenghua.Cms.Data.Media;

/// <summary>What an upload turned out to be, judged by its content (never by its file name).</summary>
public enum MediaKind
{
    Image = 0,
    Pdf = 1,
    Docx = 2,
    Xlsx = 3,
    Zip = 4,

    /// <summary>Served only as a download: an SVG can carry script.</summary>
    Svg = 5,
}
