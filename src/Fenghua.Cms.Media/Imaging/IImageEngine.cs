namespace Fenghua.Cms.Media.Imaging;

/// <summary>
/// All image work of the product. Kept this small so the engine (ImageSharp 2.x, past its last security
/// release) can be swapped without touching the library, the endpoints or the tests.
/// </summary>
public interface IImageEngine
{
    /// <summary>The declared size from the header only, or null when the bytes are not an image the engine reads.</summary>
    ImageHeader? Identify(Stream image);

    /// <summary>
    /// Decodes the image, fixes its orientation, drops all metadata (EXIF with GPS, IPTC, XMP) and writes the
    /// master in its own format plus every width as JPEG and WebP (never wider than the image itself).
    /// </summary>
    Task<ProcessedImage> ProcessAsync(Stream image, ImageFormatKind format, IReadOnlyList<int> widths, Func<ImageOutput, Stream> open, CancellationToken ct);
}
