using Fenghua.Cms.Media;
using Fenghua.Cms.Media.Imaging;
using Fenghua.Cms.Web.Tests.Media;
using SixLabors.ImageSharp;

namespace Fenghua.Cms.Web.Tests.Syndication;

/// <summary>IImageEngine.ToJpegUnderAsync, the conversion WeChat pushes use: small enough, or null — never a decoded bomb.</summary>
public sealed class PictureConversionTests : IDisposable
{
    private readonly ImageSharpEngine engine = new(new MediaOptions());

    [Fact]
    public async Task A_large_noisy_png_becomes_a_jpeg_under_the_budget_lowering_quality_then_width()
    {
        var png = Pictures.NoisyPng(900, 700);
        var jpeg = await engine.ToJpegUnderAsync(new MemoryStream(png), 80 * 1024, default);
        Assert.NotNull(jpeg);
        Assert.True(jpeg.Length < 80 * 1024, $"{jpeg.Length} 字节");
        Assert.True(Doubles.WeChatDouble.IsJpeg(jpeg));
        using var image = Image.Load(jpeg);
        Assert.True(image.Width < 900, $"噪点图在 80 KB 内必须缩小，实际宽 {image.Width}");
        Assert.Equal(Math.Round(image.Width * 700.0 / 900), image.Height, 1.0);
    }

    [Fact]
    public async Task An_animated_gif_becomes_its_first_frame_and_a_webp_keeps_its_size()
    {
        var gif = await engine.ToJpegUnderAsync(new MemoryStream(Pictures.AnimatedGif(320, 200)), 1024 * 1024, default);
        using (var image = Image.Load<SixLabors.ImageSharp.PixelFormats.Rgb24>(gif!))
        {
            Assert.Equal(1, image.Frames.Count);
            var pixel = image[10, 10];
            Assert.True(pixel.R > 150 && pixel.B < 100, $"应为第一帧的红色，实际 {pixel}");
        }
        var webp = await engine.ToJpegUnderAsync(new MemoryStream(Pictures.Webp(640, 480)), 1024 * 1024, default);
        using var fromWebp = Image.Load(webp!);
        Assert.Equal((640, 480), (fromWebp.Width, fromWebp.Height));
    }

    [Fact]
    public async Task Too_many_pixels_garbage_or_an_impossible_budget_give_null()
    {
        // A header claiming 100 MP is refused before decoding, as uploads are.
        Assert.Null(await engine.ToJpegUnderAsync(new MemoryStream(TestFiles.PngHeaderOnly(10_000, 10_000)), 1024 * 1024, default));
        Assert.Null(await engine.ToJpegUnderAsync(new MemoryStream("<html>not found</html>"u8.ToArray()), 1024 * 1024, default));
        Assert.Null(await engine.ToJpegUnderAsync(new MemoryStream(Pictures.NoisyPng(400, 300)), 200, default));
    }

    public void Dispose() => engine.Dispose();
}
