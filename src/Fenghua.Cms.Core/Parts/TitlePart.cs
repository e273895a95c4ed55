using System.Text.Json.Nodes;

namespace Fenghua.Cms.Core.Parts;

/// <summary>标题 (required) and an optional subtitle.</summary>
public sealed class TitlePart : IContentPart
{
    public const int MaxLength = 200;
    public string Name => "Title";

    public IEnumerable<ValidationError> Validate(JsonObject data, JsonObject settings, string path)
    {
        var title = data.Str("title");
        if (string.IsNullOrWhiteSpace(title))
            yield return new($"{path}.title", "标题不能为空。");
        else if (title.Length > MaxLength)
            yield return new($"{path}.title", $"标题过长：{title.Length} 字，最多 {MaxLength} 字。");
    }
}
