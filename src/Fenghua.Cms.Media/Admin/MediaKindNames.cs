using Fenghua.Cms.Data.Media;

namespace Fenghua.Cms.Media.Admin;

/// <summary>How the admin names kinds of files, and the 图片 / 文档 / 压缩包 groups people filter by.</summary>
public static class MediaKindNames
{
    public sealed record Group(string Value, string Label, MediaKind[] Kinds);

    public static readonly Group[] Groups =
    [
        new("image", "图片", [MediaKind.Image, MediaKind.Svg]),
        new("document", "文档（PDF、Word、Excel）", [MediaKind.Pdf, MediaKind.Docx, MediaKind.Xlsx]),
        new("archive", "压缩包（ZIP 数据包）", [MediaKind.Zip]),
    ];

    public static Group? FindGroup(string? value) => Groups.FirstOrDefault(g => g.Value == value);

    /// <summary>The type as detected from the content, e.g. "图片（PNG）" or "Word 文档（DOCX）".</summary>
    public static string Of(MediaFile file) => file.Kind switch
    {
        MediaKind.Image => $"图片（{file.Extension.TrimStart('.').ToUpperInvariant()}）",
        MediaKind.Pdf => "PDF 文档",
        MediaKind.Docx => "Word 文档（DOCX）",
        MediaKind.Xlsx => "Excel 表格（XLSX）",
        MediaKind.Zip => "ZIP 数据包",
        MediaKind.Svg => "SVG 矢量图（仅供下载）",
        _ => file.ContentType,
    };
}
