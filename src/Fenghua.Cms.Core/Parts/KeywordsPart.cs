using System.Text.Json.Nodes;

namespace Fenghua.Cms.Core.Parts;

/// <summary>关键词, separated by commas or spaces.</summary>
public sealed class KeywordsPart : IContentPart
{
    public string Name => "Keywords";

    public IEnumerable<ValidationError> Validate(JsonObject data, JsonObject settings, string path)
    {
        var s = data.Str("keywords") ?? "";
        if (s.Length > 200)
            yield return new($"{path}.keywords", $"关键词过长：{s.Length} 字，最多 200 字。");
    }
}
