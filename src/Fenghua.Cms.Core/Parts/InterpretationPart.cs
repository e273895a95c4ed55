using System.Text.Json.Nodes;

namespace Fenghua.Cms.Core.Parts;

/// <summary>政策解读: the policy it interprets (by item id), its form and the interpreter.</summary>
public sealed class InterpretationPart : IContentPart
{
    public static readonly string[] Forms = ["text", "graphic", "video", "qa", "press"];
    public string Name => "Interpretation";

    public IEnumerable<ValidationError> Validate(JsonObject data, JsonObject settings, string path)
    {
        var form = data.Str("form");
        if (!string.IsNullOrEmpty(form) && !Forms.Contains(form))
            yield return new($"{path}.form", $"解读形式“{form}”无效：应为 {string.Join("/", Forms)} 之一。");
        if (data["policyId"] is not null && data.Int("policyId") is null)
            yield return new($"{path}.policyId", "被解读的政策必须是稿件编号。");
        if ((data.Str("interpreter") ?? "").Length > 50)
            yield return new($"{path}.interpreter", "解读人过长：最多 50 字。");
    }
}
