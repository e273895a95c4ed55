using System.Globalization;
using System.Text;
using Fenghua.Cms.Core;
using Fenghua.Cms.Core.Columns;
using Fenghua.Cms.Editorial.Columns;
using static Fenghua.Cms.Editorial.Admin.AdminHtml;

namespace Fenghua.Cms.Editorial.Admin;

/// <summary>The column form as typed (so a refused form comes back as the user left it) and its fields.</summary>
public sealed record ColumnForm
{
    public string Parent { get; init; } = "";
    public string Slug { get; init; } = "";
    public string Name { get; init; } = "";
    public string Kind { get; init; } = "list";
    public IReadOnlyList<string> ContentTypes { get; init; } = [];
    public string Order { get; init; } = "";
    public string LinkUrl { get; init; } = "";
    public string Page { get; init; } = "";
    public bool Nav { get; init; } = true;
    public string Description { get; init; } = "";

    private static readonly (string Value, ColumnKind Kind)[] Kinds = [("list", ColumnKind.List), ("page", ColumnKind.SinglePage), ("link", ColumnKind.Link)];

    public static ColumnForm Of(IFormCollection form) => new()
    {
        Parent = form["parent"].ToString().Trim(), Slug = form["slug"].ToString().Trim(), Name = form["name"].ToString(),
        Kind = form["kind"].ToString(), ContentTypes = [.. form["contentTypes"].Where(t => !string.IsNullOrEmpty(t)).Select(t => t!)],
        Order = form["order"].ToString().Trim(), LinkUrl = form["linkUrl"].ToString(), Page = form["page"].ToString(),
        Nav = form["nav"] == "on", Description = form["description"].ToString(),
    };

    public static ColumnForm Of(Column c) => new()
    {
        Parent = c.ParentId?.ToString(CultureInfo.InvariantCulture) ?? "", Slug = c.Slug, Name = c.Name,
        Kind = Kinds.First(k => k.Kind == c.Kind).Value, ContentTypes = c.ContentTypes, Order = c.Order.ToString(CultureInfo.InvariantCulture),
        LinkUrl = c.LinkUrl ?? "", Page = c.PageMarkdown ?? "", Nav = c.ShowInNavigation, Description = c.Description,
    };

    /// <summary>The input, or the fields that cannot even be read (a kind or number that is not one).</summary>
    public ColumnInput Read()
    {
        var errors = new List<ValidationError>();
        int? parent = null, order = null;
        if (Parent.Length > 0)
        {
            if (int.TryParse(Parent, NumberStyles.None, CultureInfo.InvariantCulture, out var p)) parent = p;
            else errors.Add(new("parent", "上级栏目无效。"));
        }
        if (Order.Length > 0)
        {
            if (int.TryParse(Order, NumberStyles.None, CultureInfo.InvariantCulture, out var o)) order = o;
            else errors.Add(new("order", $"排序“{Order}”无效：应为 0 到 {ColumnEditor.MaxOrder} 的整数。"));
        }
        var kind = Kinds.FirstOrDefault(k => k.Value == Kind);
        if (kind.Value is null) errors.Add(new("kind", $"栏目类型“{Kind}”无效：应为列表、单页或链接。"));
        if (errors.Count > 0) throw new ValidationException(errors);
        return new ColumnInput
        {
            ParentId = parent, Slug = Slug, Name = Name, Kind = kind.Kind, ContentTypes = ContentTypes, Order = order,
            LinkUrl = LinkUrl, PageMarkdown = Page, ShowInNavigation = Nav, Description = Description,
        };
    }

    /// <summary>
    /// The fields. <paramref name="parents"/> (value, label) only for a new column: parent and slug are fixed afterwards.
    /// </summary>
    public string Fields(IReadOnlyList<(string Value, string Label)>? parents, IReadOnlyList<(string Name, string Label)> types, HashSet<string> invalid, string prefix)
    {
        string Bad(string f) => invalid.Contains(f) ? " aria-invalid=\"true\" class=\"invalid\"" : "";
        string Id(string f) => $"{prefix}-{f}";
        var sb = new StringBuilder();
        if (parents is not null)
        {
            sb.Append($"<div class=\"field\"><label for=\"{Id("parent")}\">上级栏目</label><select id=\"{Id("parent")}\" name=\"parent\"{Bad("parent")}><option value=\"\">（顶级栏目）</option>{Options(parents, Parent)}</select></div>");
            sb.Append($"<div class=\"field\"><label for=\"{Id("slug")}\">栏目标识</label><input id=\"{Id("slug")}\" name=\"slug\" value=\"{H(Slug)}\" maxlength=\"40\" required{Bad("slug")}><small>网址中的一段：小写字母、数字和连字符，如 tzgg；建成后不能修改</small></div>");
        }
        sb.Append($"<div class=\"field\"><label for=\"{Id("name")}\">栏目名称</label><input id=\"{Id("name")}\" name=\"name\" value=\"{H(Name)}\" maxlength=\"{ColumnEditor.MaxName}\" required{Bad("name")}></div>");
        sb.Append($"<div class=\"field\"><label for=\"{Id("kind")}\">栏目类型</label><select id=\"{Id("kind")}\" name=\"kind\"{Bad("kind")}>{Options(Kinds.Select(k => (k.Value, ColumnEditor.KindName(k.Kind))), Kind)}</select><small>列表：列出稿件；单页：显示下方正文；链接：跳转到链接地址</small></div>");
        sb.Append($"<fieldset class=\"field\"{Bad("contentTypes")}><legend>收录的内容类型（列表栏目；都不选则列出下级栏目的稿件，也可放入任何类型）</legend>");
        foreach (var (name, label) in types)
            sb.Append($"<label class=\"check\"><input type=\"checkbox\" name=\"contentTypes\" value=\"{H(name)}\"{(ContentTypes.Contains(name) ? " checked" : "")}> {H(label)}</label>");
        sb.Append("</fieldset>");
        sb.Append($"<div class=\"field\"><label for=\"{Id("order")}\">排序</label><input id=\"{Id("order")}\" name=\"order\" value=\"{H(Order)}\" inputmode=\"numeric\" size=\"5\"{Bad("order")}><small>数字小的在前{(parents is null ? "" : "；留空则排在同级最后")}</small></div>");
        sb.Append($"<div class=\"field\"><label for=\"{Id("linkUrl")}\">链接地址（链接栏目）</label><input id=\"{Id("linkUrl")}\" name=\"linkUrl\" value=\"{H(LinkUrl)}\" placeholder=\"/gazette/ 或 https://…\"{Bad("linkUrl")}></div>");
        sb.Append($"<div class=\"field\"><label for=\"{Id("page")}\">单页正文（单页栏目，Markdown）</label><textarea id=\"{Id("page")}\" name=\"page\" rows=\"4\"{Bad("page")}>{H(Page)}</textarea></div>");
        sb.Append($"<div class=\"field\"><label for=\"{Id("description")}\">栏目说明</label><input id=\"{Id("description")}\" name=\"description\" value=\"{H(Description)}\" maxlength=\"500\"{Bad("description")}></div>");
        sb.Append($"<label class=\"check\"><input type=\"checkbox\" name=\"nav\"{(Nav ? " checked" : "")}> 在导航中显示</label>");
        return sb.ToString();
    }
}
