using System.Text.Json.Nodes;

namespace Fenghua.Cms.Core.Parts;

/// <summary>内容概述: the short description used in lists, meta tags and feeds.</summary>
public sealed class SummaryPart : IContentPart
{
    public const int MaxLength = 500;
    public string Name => "Summary";

    public IEnumerable<ValidationError> Validate(JsonObject data, JsonObject settings, string path)
    {
        var s = data.Str("summary") ?? "";
        if (s.Length > MaxLength)
            yield return new($"{path}.summary", $"内容概述过长：{s.Length} 字，最多 {MaxLength} 字。");
    }
}
