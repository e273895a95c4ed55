using System.Text.Json.Nodes;
using Fenghua.Cms.Core.Documents;

namespace Fenghua.Cms.Core.Parts;

/// <summary>
/// Disclosure metadata of a government document: 文号, 索引号, 发布机构, 成文日期, 主题分类, 有效性.
/// A 文号 that does not parse is kept as typed and flagged, never rewritten.
/// </summary>
public sealed class GovDocumentPart : IContentPart
{
    public static readonly string[] Validities = ["有效", "已修订", "已废止", "失效"];
    public string Name => "GovDocument";

    public IEnumerable<ValidationError> Validate(JsonObject data, JsonObject settings, string path)
    {
        var number = data.Str("documentNumber");
        if (number is { Length: > 60 })
            yield return new($"{path}.documentNumber", "文号过长：最多 60 字。");
        if (!data.TryDate("writtenDate", out _))
            yield return new($"{path}.writtenDate", $"成文日期“{data.Str("writtenDate")}”无效：应为 YYYY-MM-DD。");
        var validity = data.Str("validity");
        if (!string.IsNullOrEmpty(validity) && !Validities.Contains(validity))
            yield return new($"{path}.validity", $"有效性“{validity}”无效：应为 {string.Join("、", Validities)} 之一。");
        var issuer = data.Str("issuer");
        if (settings["issuerRequired"]?.GetValue<bool>() == true && string.IsNullOrWhiteSpace(issuer))
            yield return new($"{path}.issuer", "发布机构不能为空。");
        if (issuer is { Length: > 100 })
            yield return new($"{path}.issuer", "发布机构过长：最多 100 字。");
    }

    public void Normalize(JsonObject data)
    {
        var number = data.Str("documentNumber");
        data.Remove("documentNumberCanonical");
        data.Remove("documentNumberMalformed");
        if (string.IsNullOrWhiteSpace(number)) return;
        if (DocumentNumber.TryParse(number, out var parsed))
            data["documentNumberCanonical"] = parsed.Canonical;
        else
            data["documentNumberMalformed"] = true;
    }
}
