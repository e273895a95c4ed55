using System.Text;
using System.Text.Json.Nodes;
using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Core.Parts;
using static Fenghua.Cms.Editorial.Admin.AdminHtml;

namespace Fenghua.Cms.Editorial.Admin;

/// <summary>
/// The editor's fields, built from a type's parts: renders them with the current (or just typed) values and reads
/// a posted form back into part JSON. Form names are "p.&lt;Part&gt;.&lt;field&gt;".
/// </summary>
public static class EditorFields
{
    private sealed record Field(string Part, string Name, string Label, string Kind, string[]? Choices = null, string Hint = "");

    private static readonly Dictionary<string, string> ChoiceLabels = new()
    {
        [""] = "（未选择）", ["text"] = "文字解读", ["graphic"] = "图解", ["video"] = "视频解读", ["qa"] = "问答", ["press"] = "新闻发布会",
    };

    private static readonly Field[] All =
    [
        new("Title", "title", "标题", "text"),
        new("Title", "author", "作者 / 来源", "text"),
        new("GovDocument", "documentNumber", "文号", "text", Hint: "如 奉政办发〔2018〕42号；各种括号写法都可以"),
        new("GovDocument", "noNumberReason", "无文号理由", "text", Hint: "没有文号时必须说明"),
        new("GovDocument", "indexNumber", "索引号", "text"),
        new("GovDocument", "issuer", "发布机构", "text"),
        new("GovDocument", "writtenDate", "成文日期", "date"),
        new("GovDocument", "topic", "主题分类", "text"),
        new("GovDocument", "validity", "有效性", "select", ["", .. GovDocumentPart.Validities]),
        new("Interpretation", "policyId", "解读的政策文件", "policy"),
        new("Interpretation", "form", "解读形式", "select", ["", .. InterpretationPart.Forms]),
        new("Interpretation", "interpreter", "解读人", "text", Hint: "第一解读人为主要负责人"),
        new("Summary", "summary", "内容概述", "textarea"),
        new("Keywords", "keywords", "关键词", "text"),
        new("MarkdownBody", "markdown", "正文（Markdown）", "markdown"),
        new("Attachments", "files", "附件", "attachments", Hint: "每行一个：名称 | 地址（/media/… 或 https://…）"),
        new("GazetteIssue", "year", "公报年份", "int"),
        new("GazetteIssue", "issue", "期号（第N期）", "int"),
        new("GazetteIssue", "totalIssue", "总期号（总第S期）", "int"),
        new("GazetteIssue", "publicationDate", "出版日期", "date"),
        new("GazetteIssue", "pdfUrl", "印刷版 PDF", "text", Hint: "媒体库中 PDF 的地址（/media/…），可从右侧媒体库复制"),
        new("GazetteIssue", "sections", "目录栏目", "lines", Hint: "每行一个，按目录顺序，如 区政府文件、区政府办公室文件、部门文件、人事任免、其他"),
        new("GazettePlacement", "year", "所在公报年份", "int"),
        new("GazettePlacement", "issue", "所在期号", "int"),
        new("GazettePlacement", "section", "公报栏目", "text", Hint: "须是该期目录中的栏目"),
        new("GazettePlacement", "order", "期内排序", "int"),
        new("GazettePlacement", "pageFrom", "印刷版起始页", "int"),
        new("GazettePlacement", "pageTo", "印刷版结束页", "int"),
        new("GazettePlacement", "policyId", "对应的政策文件", "policy", Hint: "已在政策文件库中的文件只链接，不重复收录正文"),
    ];

    public static string Render(HttpContext http, ContentTypeDefinition type, JsonObject parts, IReadOnlyList<(int Id, string Label)> policies, ISet<string> errorFields)
    {
        var sb = new StringBuilder();
        foreach (var f in All.Where(f => type.Has(f.Part)))
        {
            var name = $"p.{f.Part}.{f.Name}";
            var id = $"f-{f.Part}-{f.Name}";
            var data = parts[f.Part] as JsonObject ?? [];
            var value = f.Kind switch
            {
                "attachments" => AttachmentsText(data),
                "lines" => data[f.Name] is JsonArray lines ? string.Join("\n", lines.Select(l => l?.ToString())) : data[f.Name]?.ToString() ?? "",
                _ => data[f.Name] is JsonValue v ? v.ToString() : "",
            };
            var invalid = errorFields.Any(e => e.StartsWith($"parts.{f.Part}.{f.Name}", StringComparison.Ordinal)) ? " aria-invalid=\"true\" class=\"invalid\"" : "";
            sb.Append($"<div class=\"field field-{f.Kind}\"><label for=\"{id}\">{f.Label}</label>");
            switch (f.Kind)
            {
                case "textarea":
                case "attachments":
                case "lines":
                    sb.Append($"<textarea id=\"{id}\" name=\"{name}\" rows=\"3\"{invalid}>{H(value)}</textarea>");
                    break;
                case "markdown":
                    sb.Append($"<div class=\"md\"><textarea id=\"{id}\" name=\"{name}\" rows=\"18\" data-preview=\"md-preview\"{invalid}>{H(value)}</textarea>");
                    sb.Append($"<div id=\"md-preview\" class=\"preview\" aria-live=\"polite\" data-url=\"{H(Base(http))}/admin/markdown-preview\">{Core.Markdown.MarkdownRenderer.Instance.ToHtml(value)}</div></div>");
                    break;
                case "select":
                    sb.Append($"<select id=\"{id}\" name=\"{name}\"{invalid}>{Options(f.Choices!.Select(c => (c, ChoiceLabels.GetValueOrDefault(c, c))), value)}</select>");
                    break;
                case "policy":
                    sb.Append($"<select id=\"{id}\" name=\"{name}\"{invalid}><option value=\"\">（请选择）</option>{Options(policies.Select(p => (p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Label)), value)}</select>");
                    break;
                case "int":
                    // Text, not type=number: a browser drops what a number field cannot parse, and the error must show it.
                    sb.Append($"<input id=\"{id}\" name=\"{name}\" type=\"text\" inputmode=\"numeric\" value=\"{H(value)}\"{invalid}>");
                    break;
                default:
                    sb.Append($"<input id=\"{id}\" name=\"{name}\" type=\"{(f.Kind == "date" ? "date" : "text")}\" value=\"{H(value)}\"{invalid}>");
                    break;
            }
            if (f.Hint.Length > 0) sb.Append($"<small>{H(f.Hint)}</small>");
            sb.Append("</div>");
        }
        return sb.ToString();
    }

    /// <summary>Reads the form into part JSON, on top of the current parts so fields the form does not show are kept.</summary>
    public static JsonObject Read(ContentTypeDefinition type, IFormCollection form, JsonObject? current)
    {
        var parts = (JsonObject?)current?.DeepClone() ?? [];
        foreach (var f in All.Where(f => type.Has(f.Part)))
        {
            if (!form.ContainsKey($"p.{f.Part}.{f.Name}")) continue;
            var text = form[$"p.{f.Part}.{f.Name}"].ToString();
            if (parts[f.Part] is not JsonObject data) parts[f.Part] = data = [];
            if (f.Kind == "attachments") { data["files"] = ParseAttachments(text); continue; }
            if (f.Kind == "lines")
            {
                data[f.Name] = new JsonArray(text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Select(l => (JsonNode?)JsonValue.Create(l)).ToArray());
                continue;
            }
            if (f.Name != "markdown") text = text.Trim();
            if (text.Length == 0) data.Remove(f.Name);
            else if (f.Kind is "policy" or "int" && int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var number)) data[f.Name] = number;
            else data[f.Name] = text;
        }
        return parts;
    }

    private static JsonArray ParseAttachments(string text)
    {
        var files = new JsonArray();
        foreach (var line in text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            var bar = line.LastIndexOf('|');
            files.Add(bar < 0 ? new JsonObject { ["name"] = line, ["url"] = "" } : new JsonObject { ["name"] = line[..bar].Trim(), ["url"] = line[(bar + 1)..].Trim() });
        }
        return files;
    }

    private static string AttachmentsText(JsonObject data) =>
        data["files"] is JsonArray files
            ? string.Join("\n", files.OfType<JsonObject>().Select(f => $"{f.Str("name")} | {f.Str("url")}"))
            : "";
}
