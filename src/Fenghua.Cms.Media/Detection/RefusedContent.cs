using System.Text;
using System.Text.Unicode;

namespace Fenghua.Cms.Media.Detection;

/// <summary>
/// Names what a refused upload looks like by its first bytes, so the person uploading learns why
/// ("按内容识别为 Windows 可执行程序") instead of only that the type is not accepted.
/// It never admits anything: it only words the refusal.
/// </summary>
public static class RefusedContent
{
    private static readonly (byte[] Magic, string Name)[] Signatures =
    [
        ("MZ"u8.ToArray(), "Windows 可执行程序（EXE/DLL）"),
        ([0x7F, 0x45, 0x4C, 0x46], "Linux 可执行程序（ELF）"),
        ([0xCF, 0xFA, 0xED, 0xFE], "macOS 可执行程序"),
        ([0xCA, 0xFE, 0xBA, 0xBE], "Java 类文件或 macOS 可执行程序"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "旧版 Office 文件（DOC/XLS/PPT，可能含宏）"),
        ("Rar!"u8.ToArray(), "RAR 压缩包"),
        ([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], "7-Zip 压缩包"),
        ([0x1F, 0x8B], "GZIP 压缩包"),
        ("BZh"u8.ToArray(), "BZIP2 压缩包"),
        ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "XZ 压缩包"),
        ("{\\rtf"u8.ToArray(), "RTF 文档"),
        ("II*\0"u8.ToArray(), "TIFF 图片"),
        ("MM\0*"u8.ToArray(), "TIFF 图片"),
        ("BM"u8.ToArray(), "BMP 图片"),
        ("ID3"u8.ToArray(), "MP3 音频"),
        ("OggS"u8.ToArray(), "Ogg 音视频"),
    ];

    /// <summary>A short Chinese name for the content, or "无法识别的内容".</summary>
    public static string Describe(ReadOnlySpan<byte> head)
    {
        foreach (var (magic, name) in Signatures)
            if (head.StartsWith(magic)) return name;
        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8)) return "MP4/MOV 视频或 HEIC 图片";
        if (head.Length == 0) return "空文件";
        if (head.IndexOf((byte)0) < 0 && IsUtf8(head))
        {
            var text = Encoding.UTF8.GetString(head).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
            if (text.StartsWith("#!", StringComparison.Ordinal)) return "脚本";
            if (text.StartsWith('<') && (text.Contains("<html", StringComparison.OrdinalIgnoreCase) || text.Contains("<!doctype html", StringComparison.OrdinalIgnoreCase) || text.Contains("<script", StringComparison.OrdinalIgnoreCase)))
                return "HTML 网页";
            return "纯文本";
        }
        return "无法识别的内容";
    }

    private static bool IsUtf8(ReadOnlySpan<byte> head)
    {
        // The head may end inside a multi-byte character; allow up to three trailing bytes to be cut off.
        for (var cut = 0; cut <= Math.Min(3, head.Length); cut++)
            if (Utf8.IsValid(head[..^cut])) return true;
        return false;
    }
}
