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

    /// <summary>
    /// Re-encodes any image the engine reads as a JPEG of fewer than <paramref name="maxBytes"/> bytes (upright,
    /// without metadata, transparency on white, an animation's first frame), lowering quality first and then the
    /// width. Null when the bytes are not a readable image, exceed the pixel limit, or cannot get that small.
    /// Platforms that keep only small JPEG/PNG pictures (WeChat's 1 MB) use it.
    /// </summary>
    Task<byte[]?> ToJpegUnderAsync(Stream image, int maxBytes, CancellationToken ct);
}
