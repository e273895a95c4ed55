using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.Processing;

namespace Fenghua.Cms.Media.Imaging;

/// <summary>
/// <see cref="IImageEngine"/> on SixLabors.ImageSharp 2.1.13. Its own configuration caps memory (no single
/// buffer over the allocation limit, a small pool) and a semaphore bounds how many images decode at once.
/// </summary>
public sealed class ImageSharpEngine : IImageEngine, IDisposable
{
    private readonly Configuration _configuration;
    private readonly SemaphoreSlim _gate;
    private readonly MediaOptions _options;

    public ImageSharpEngine(MediaOptions options)
    {
        _options = options;
        _configuration = Configuration.Default.Clone();
        _configuration.MemoryAllocator = MemoryAllocator.Create(new MemoryAllocatorOptions
        {
            AllocationLimitMegabytes = options.ImageAllocationLimitMegabytes,
            MaximumPoolSizeMegabytes = options.ImagePoolMegabytes,
        });
        // The semaphore is the concurrency bound; one image does not also fan out over every core.
        _configuration.MaxDegreeOfParallelism = 1;
        _gate = new SemaphoreSlim(Math.Max(1, options.MaxConcurrentImageJobs));
    }

    public ImageHeader? Identify(Stream image)
    {
        try
        {
            var info = Image.Identify(_configuration, image);
            return info is null ? null : new ImageHeader(info.Width, info.Height);
        }
        catch (Exception e) when (e is UnknownImageFormatException or InvalidImageContentException or NotSupportedException)
        {
            return null;
        }
    }

    public async Task<ProcessedImage> ProcessAsync(Stream source, ImageFormatKind format, IReadOnlyList<int> widths, Func<ImageOutput, Stream> open, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            using var image = await Image.LoadAsync(_configuration, source, ct);
            image.Mutate(x => x.AutoOrient());
            StripMetadata(image);

            await SaveAsync(image, new ImageOutput(null, format), open, ct);
            // Widths at or above the image's own are the image unscaled: encode that once and copy it.
            byte[]? fullWebp = null, fullJpeg = null;
            foreach (var width in widths.Distinct().Order())
            {
                if (width >= image.Width && fullWebp is not null && fullJpeg is not null)
                {
                    await WriteAsync(fullWebp, new ImageOutput(width, ImageFormatKind.Webp), open, ct);
                    await WriteAsync(fullJpeg, new ImageOutput(width, ImageFormatKind.Jpeg), open, ct);
                    continue;
                }
                using var variant = width < image.Width ? image.Clone(x => x.Resize(width, 0)) : image.Clone(_ => { });
                StripMetadata(variant);
                var webp = await EncodeAsync(variant, ImageFormatKind.Webp, ct);
                // JPEG has no transparency: put transparent areas on white instead of black.
                variant.Mutate(x => x.BackgroundColor(Color.White));
                var jpeg = await EncodeAsync(variant, ImageFormatKind.Jpeg, ct);
                await WriteAsync(webp, new ImageOutput(width, ImageFormatKind.Webp), open, ct);
                await WriteAsync(jpeg, new ImageOutput(width, ImageFormatKind.Jpeg), open, ct);
                if (width >= image.Width) (fullWebp, fullJpeg) = (webp, jpeg);
            }
            return new ProcessedImage(image.Width, image.Height);
        }
        catch (Exception e) when (e is InvalidImageContentException or UnknownImageFormatException or NotSupportedException)
        {
            throw new ImageRejectedException("图片数据已损坏或格式不受支持，无法处理。", e);
        }
        catch (InvalidMemoryOperationException e)
        {
            throw new ImageRejectedException($"图片解码所需内存超过上限（{_options.ImageAllocationLimitMegabytes} MB），无法处理。", e);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Qualities tried at each width, best first; below 55 text in screenshots smears.</summary>
    private static readonly int[] JpegQualities = [85, 75, 65, 55];

    /// <summary>
    /// A picture in an article is read on a phone: wider than the library's largest width only costs bytes,
    /// so encoding starts there instead of at a 40 MP camera original.
    /// </summary>
    private const int JpegStartWidth = 1920;

    private const int JpegMinWidth = 160;

    public async Task<byte[]?> ToJpegUnderAsync(Stream source, int maxBytes, CancellationToken ct)
    {
        if (maxBytes <= 0) return null;
        if (!source.CanSeek)
        {
            var copy = new MemoryStream();
            await source.CopyToAsync(copy, ct);
            copy.Position = 0;
            source = copy;
        }
        // The same guard as uploads: the header decides before any pixel is decoded.
        var start = source.Position;
        var header = Identify(source);
        if (header is null || header.Pixels > _options.MaxImagePixels) return null;
        source.Position = start;

        await _gate.WaitAsync(ct);
        try
        {
            using var image = await Image.LoadAsync(_configuration, source, ct);
            while (image.Frames.Count > 1) image.Frames.RemoveFrame(image.Frames.Count - 1);
            image.Mutate(x => x.AutoOrient().BackgroundColor(Color.White));
            StripMetadata(image);
            for (var width = Math.Min(image.Width, JpegStartWidth); ; width = width * 3 / 4)
            {
                using var scaled = width < image.Width ? image.Clone(x => x.Resize(width, 0)) : image.Clone(_ => { });
                foreach (var quality in JpegQualities)
                {
                    using var buffer = new MemoryStream();
                    await scaled.SaveAsync(buffer, new JpegEncoder { Quality = quality }, ct);
                    if (buffer.Length < maxBytes) return buffer.ToArray();
                }
                if (width * 3 / 4 < JpegMinWidth) return null;
            }
        }
        catch (Exception e) when (e is InvalidImageContentException or UnknownImageFormatException or NotSupportedException or InvalidMemoryOperationException)
        {
            return null;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task SaveAsync(Image image, ImageOutput output, Func<ImageOutput, Stream> open, CancellationToken ct)
    {
        await using var target = open(output);
        await image.SaveAsync(target, Encoder(output.Format), ct);
    }

    private async Task<byte[]> EncodeAsync(Image image, ImageFormatKind format, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await image.SaveAsync(buffer, Encoder(format), ct);
        return buffer.ToArray();
    }

    private static async Task WriteAsync(byte[] bytes, ImageOutput output, Func<ImageOutput, Stream> open, CancellationToken ct)
    {
        await using var target = open(output);
        await target.WriteAsync(bytes, ct);
    }

    private IImageEncoder Encoder(ImageFormatKind format) => format switch
    {
        ImageFormatKind.Jpeg => new JpegEncoder { Quality = _options.JpegQuality },
        ImageFormatKind.Png => new PngEncoder(),
        ImageFormatKind.Gif => new GifEncoder(),
        ImageFormatKind.Webp => new WebpEncoder { Quality = _options.WebpQuality, FileFormat = WebpFileFormatType.Lossy },
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>EXIF (with GPS position and camera serials), IPTC, XMP and text comments never leave the server.</summary>
    private static void StripMetadata(Image image)
    {
        image.Metadata.ExifProfile = null;
        image.Metadata.IptcProfile = null;
        image.Metadata.XmpProfile = null;
        image.Metadata.GetPngMetadata().TextData.Clear();
        image.Metadata.GetGifMetadata().Comments.Clear();
        foreach (var frame in image.Frames)
        {
            frame.Metadata.ExifProfile = null;
            frame.Metadata.IptcProfile = null;
            frame.Metadata.XmpProfile = null;
        }
    }

    public void Dispose() => _gate.Dispose();
}
