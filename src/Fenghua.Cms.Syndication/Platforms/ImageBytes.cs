namespace Fenghua.Cms.Syndication.Platforms;

/// <summary>Recognises images by content, not by name (WeChat keeps JPEG/PNG under 1 MB).</summary>
public static class ImageBytes
{
    /// <summary>WeChat keeps body pictures and covers of fewer bytes than this.</summary>
    public const int WeChatMax = 1024 * 1024;

    /// <summary>Weibo takes a picture of fewer bytes than this.</summary>
    public const int WeiboMax = 5 * 1024 * 1024;

    public static bool IsJpeg(ReadOnlySpan<byte> b) => b.Length > 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF;

    public static bool IsPng(ReadOnlySpan<byte> b) => b.Length > 8 && b[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });

    public static bool Fits(byte[] b, int maxBytes) => b.Length < maxBytes && (IsJpeg(b) || IsPng(b));

    public static string MediaType(byte[] b) => IsPng(b) ? "image/png" : IsJpeg(b) ? "image/jpeg" : "application/octet-stream";

    public static string Extension(byte[] b) => IsPng(b) ? ".png" : ".jpg";
}
