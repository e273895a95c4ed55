using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.PixelFormats;

namespace Fenghua.Cms.Web.Tests.Syndication;

/// <summary>Real pictures in the formats WeChat does not keep: WebP, an animated GIF, and a PNG over 1 MB.</summary>
internal static class Pictures
{
    public static byte[] Webp(int width, int height)
    {
        using var image = new Image<Rgba32>(width, height);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++) row[x] = new Rgba32((byte)(x * 255 / width), (byte)(y * 255 / height), 120, 255);
            }
        });
        using var ms = new MemoryStream();
        image.SaveAsWebp(ms);
        return ms.ToArray();
    }

    public static byte[] AnimatedGif(int width, int height)
    {
        using var image = new Image<Rgba32>(width, height, new Rgba32(200, 30, 30, 255));
        using var second = new Image<Rgba32>(width, height, new Rgba32(30, 30, 200, 255));
        image.Frames.AddFrame(second.Frames.RootFrame);
        image.Metadata.GetGifMetadata().RepeatCount = 0;
        using var ms = new MemoryStream();
        image.SaveAsGif(ms, new GifEncoder());
        return ms.ToArray();
    }

    /// <summary>Random noise does not compress: a PNG of about 3 bytes per pixel.</summary>
    public static byte[] NoisyPng(int width, int height)
    {
        var random = new Random(20260101);
        using var image = new Image<Rgb24>(width, height);
        image.ProcessPixelRows(rows =>
        {
            var bytes = new byte[rows.Width * 3];
            for (var y = 0; y < rows.Height; y++)
            {
                random.NextBytes(bytes);
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++) row[x] = new Rgb24(bytes[3 * x], bytes[3 * x + 1], bytes[3 * x + 2]);
            }
        });
        using var ms = new MemoryStream();
        image.SaveAsPng(ms);
        return ms.ToArray();
    }
}
