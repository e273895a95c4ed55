namespace Fenghua.Cms.Media.Imaging;

/// <summary>Raster formats the library accepts (input) and writes (output).</summary>
public enum ImageFormatKind
{
    Jpeg,
    Png,
    Gif,
    Webp,
}
