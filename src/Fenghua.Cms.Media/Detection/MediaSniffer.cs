using System.Text;
using Fenghua.Cms.Core;
using Fenghua.Cms.Data.Media;
using Fenghua.Cms.Media.Imaging;

namespace Fenghua.Cms.Media.Detection;

/// <summary>
/// Decides what an upload is from its first bytes (magic numbers), and for ZIP containers from what is
/// inside. The file name's extension plays no part: a PNG named .pdf is a PNG, a text file named .jpg
/// is refused.
/// </summary>
public sealed class MediaSniffer(ZipInspector zips)
{
    public const string Accepted = "图片（JPEG、PNG、GIF、WebP）、PDF、Word（DOCX）、Excel（XLSX）或 ZIP 数据包";

    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public DetectedMedia Detect(Stream content, string fileName)
    {
        Span<byte> head = stackalloc byte[512];
        content.Position = 0;
        var n = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..n];
        content.Position = 0;

        if (head.StartsWith(Jpeg)) return Image("image/jpeg", ".jpg", ImageFormatKind.Jpeg);
        if (head.StartsWith(Png)) return Image("image/png", ".png", ImageFormatKind.Png);
        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8)) return Image("image/gif", ".gif", ImageFormatKind.Gif);
        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8)) return Image("image/webp", ".webp", ImageFormatKind.Webp);
        if (head.StartsWith("%PDF-"u8)) return new DetectedMedia(MediaKind.Pdf, "application/pdf", ".pdf");
        if (head.StartsWith("PK\x03\x04"u8) || head.StartsWith("PK\x05\x06"u8)) return zips.Inspect(content, fileName);
        if (LooksLikeSvg(head)) return new DetectedMedia(MediaKind.Svg, "image/svg+xml", ".svg");

        throw new ValidationException([new ValidationError("file",
            $"文件“{fileName}”不是允许的类型（按内容识别为{RefusedContent.Describe(head)}）。只接受{Accepted}；类型按文件内容判断，与扩展名无关。")]);
    }

    private static DetectedMedia Image(string contentType, string extension, ImageFormatKind format) =>
        new(MediaKind.Image, contentType, extension, format);

    private static bool LooksLikeSvg(ReadOnlySpan<byte> head)
    {
        if (head.IndexOf((byte)0) >= 0) return false;
        var text = Encoding.UTF8.GetString(head).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return text.StartsWith('<') && text.Contains("<svg", StringComparison.OrdinalIgnoreCase);
    }
}
