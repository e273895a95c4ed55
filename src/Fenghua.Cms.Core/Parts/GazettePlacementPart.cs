using System.Text.Json.Nodes;

namespace Fenghua.Cms.Core.Parts;

/// <summary>
/// Where a gazette article stands in the printed gazette: its issue (item id and year/issue),
/// section, order in the issue, optional page range in the issue PDF, and — when the document is
/// also in the policy library — the PolicyDocument it is (policyId) instead of a second copy.
/// sourceId is the stable id of an imported record, so a re-import updates instead of duplicating.
/// The field names year, issue and section are read by the search index.
/// </summary>
public sealed class GazettePlacementPart : IContentPart
{
    public string Name => "GazettePlacement";

    public IEnumerable<ValidationError> Validate(JsonObject data, JsonObject settings, string path)
    {
        if (data.Int("year") is not { } year || year is < 1949 or > 2100)
            yield return new($"{path}.year", $"公报年份“{data["year"]}”无效：应为 1949 至 2100 之间的整数。");
        if (data.Int("issue") is not { } issue || issue is < 1 or > 999)
            yield return new($"{path}.issue", $"期号“{data["issue"]}”无效：应为 1 至 999 之间的整数。");
        var section = data.Str("section");
        if (string.IsNullOrWhiteSpace(section))
            yield return new($"{path}.section", "公报栏目（section）不能为空。");
        else if (section.Length > GazetteIssuePart.MaxSectionLength)
            yield return new($"{path}.section", $"公报栏目过长：最多 {GazetteIssuePart.MaxSectionLength} 字。");
        if (data["order"] is not null && data.Int("order") is not (>= 0 and <= 100000))
            yield return new($"{path}.order", $"排序“{data["order"]}”无效：应为 0 至 100000 之间的整数。");
        foreach (var field in new[] { "issueId", "policyId" })
            if (data[field] is not null && data.Int(field) is not (> 0))
                yield return new($"{path}.{field}", $"{field} 必须是稿件编号（正整数）。");
        var from = data.Int("pageFrom");
        var to = data.Int("pageTo");
        if (data["pageFrom"] is not null && from is not (>= 1 and <= 10000))
            yield return new($"{path}.pageFrom", $"起始页“{data["pageFrom"]}”无效：应为 1 至 10000 之间的整数。");
        if (data["pageTo"] is not null && to is not (>= 1 and <= 10000))
            yield return new($"{path}.pageTo", $"结束页“{data["pageTo"]}”无效：应为 1 至 10000 之间的整数。");
        if (from is { } f && to is { } t && t < f)
            yield return new($"{path}.pageTo", $"结束页 {t} 不能小于起始页 {f}。");
        if (data.Str("sourceId") is { Length: > 100 })
            yield return new($"{path}.sourceId", "来源编号过长：最多 100 字。");
    }
}
