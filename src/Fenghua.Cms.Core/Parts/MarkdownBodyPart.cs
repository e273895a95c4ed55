using System.Text.Json.Nodes;

namespace Fenghua.Cms.Core.Parts;

/// <summary>正文 in Markdown, rendered by Markdig and sanitised.</summary>
public sealed class MarkdownBodyPart : IContentPart
{
    public const int MaxLength = 500_000;
    public string Name => "MarkdownBody";

    public IEnumerable<ValidationError> Validate(JsonObject data, JsonObject settings, string path)
    {
        var md = data.Str("markdown") ?? "";
        if (md.Length > MaxLength)
            yield return new($"{path}.markdown", $"正文过长：{md.Length} 字符，最多 {MaxLength} 字符。");
        if (settings["required"]?.GetValue<bool>() == true && string.IsNullOrWhiteSpace(md))
            yield return new($"{path}.markdown", "正文不能为空。");
    }
}
