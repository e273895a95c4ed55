using System.Text.Json.Nodes;

namespace Fenghua.Cms.Core.Parts;

/// <summary>
/// 政府公报的一期: year, issue number in the year (第N期), running total (总第S期), publication date,
/// the PDF of the printed edition and the ordered sections of its table of contents.
/// </summary>
public sealed class GazetteIssuePart : IContentPart
{
    public const int MaxSections = 30;
    public const int MaxSectionLength = 50;
    public string Name => "GazetteIssue";

    public IEnumerable<ValidationError> Validate(JsonObject data, JsonObject settings, string path)
    {
        if (data.Int("year") is not { } year || year is < 1949 or > 2100)
            yield return new($"{path}.year", $"公报年份“{data["year"]}”无效：应为 1949 至 2100 之间的整数。");
        if (data.Int("issue") is not { } issue || issue is < 1 or > 999)
            yield return new($"{path}.issue", $"期号“{data["issue"]}”无效：应为 1 至 999 之间的整数。");
        if (data["totalIssue"] is not null && data.Int("totalIssue") is not (>= 1 and <= 99999))
            yield return new($"{path}.totalIssue", $"总期号“{data["totalIssue"]}”无效：应为 1 至 99999 之间的整数。");
        if (!data.TryDate("publicationDate", out var date) || date is null)
            yield return new($"{path}.publicationDate", $"出版日期“{data.Str("publicationDate")}”无效：应为 YYYY-MM-DD。");
        var pdf = data.Str("pdfUrl");
        if (!string.IsNullOrEmpty(pdf) && !pdf.StartsWith('/') && !pdf.StartsWith("https://", StringComparison.Ordinal))
            yield return new($"{path}.pdfUrl", $"PDF 地址“{pdf}”无效：应以 / 或 https:// 开头。");
        if (data["sections"] is null) yield break;
        if (data["sections"] is not JsonArray sections)
        {
            yield return new($"{path}.sections", "栏目列表（sections）必须是字符串数组。");
            yield break;
        }
        if (sections.Count > MaxSections)
            yield return new($"{path}.sections", $"栏目过多：{sections.Count} 个，最多 {MaxSections} 个。");
        var seen = new HashSet<string>();
        for (var i = 0; i < sections.Count; i++)
        {
            var s = sections[i] is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;
            if (string.IsNullOrWhiteSpace(s) || s.Length > MaxSectionLength)
                yield return new($"{path}.sections[{i}]", $"栏目名称不能为空且最多 {MaxSectionLength} 字。");
            else if (!seen.Add(s))
                yield return new($"{path}.sections[{i}]", $"栏目“{s}”重复。");
        }
    }

    /// <summary>The ordered section names (empty when none are given).</summary>
    public static List<string> Sections(JsonObject? data) =>
        (data?["sections"] as JsonArray)?.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : null)
            .Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!).ToList() ?? [];
}
