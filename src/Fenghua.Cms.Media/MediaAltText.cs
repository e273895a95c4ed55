using Fenghua.Cms.Core;

namespace Fenghua.Cms.Media;

/// <summary>
/// A file's description, which is the alternative text of an image: read aloud by screen readers, put into
/// the Markdown the picker inserts and checked by the pre-publication review. One line, so line breaks typed or
/// pasted become spaces (a break would end the Markdown image).
/// </summary>
public static class MediaAltText
{
    public const int MaxLength = 500;

    public static string Clean(string? typed, string field = "altText")
    {
        var words = (typed ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var text = string.Join(' ', words);
        if (text.Any(char.IsControl))
            throw new ValidationException([new ValidationError(field, "说明（替代文本）中不能含有控制字符。")]);
        if (text.Length > MaxLength)
            throw new ValidationException([new ValidationError(field, $"说明（替代文本）不能超过 {MaxLength} 个字符，现有 {text.Length} 个。")]);
        return text;
    }
}
