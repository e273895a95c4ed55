using System.Globalization;
using System.Text;
using Fenghua.Cms.Core;
using static Fenghua.Cms.Editorial.Admin.AdminHtml;

namespace Fenghua.Cms.Media.Admin;

/// <summary>
/// What the library page is showing (words, kind group, folder, page). Read from the query string, and
/// carried through the page's action forms as hidden fields so a delete or publish returns to the same list.
/// </summary>
public sealed record MediaListState(string Q, string Kind, string Folder, int Page)
{
    public static readonly MediaListState Empty = new("", "", "", 1);

    public static MediaListState From(Func<string, string> read) => new(
        read("q").Trim(), read("kind").Trim(), read("folder").Trim(),
        int.TryParse(read("page"), NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p > 0 ? p : 1);

    public static MediaListState From(IQueryCollection query) => From(k => query[k].ToString());

    public static MediaListState From(IFormCollection form) => From(k => form[k].ToString());

    public MediaKindNames.Group? Group => MediaKindNames.FindGroup(Kind);

    /// <summary>The kind group's error, when one was asked for that does not exist.</summary>
    public ValidationError? KindError => Kind.Length > 0 && Group is null
        ? new ValidationError("kind", $"类型“{Kind}”无效，可选：{string.Join("、", MediaKindNames.Groups.Select(g => $"{g.Value}（{g.Label}）"))}。")
        : null;

    public MediaListState WithFolder(string? folder) => this with { Folder = folder ?? "", Page = 1 };

    /// <summary>"?q=…&amp;kind=…" with only what is set (empty when nothing is).</summary>
    public string QueryString(int? page = null)
    {
        var parts = new List<string>();
        void Add(string key, string value) { if (value.Length > 0) parts.Add($"{key}={Uri.EscapeDataString(value)}"); }
        Add("q", Q);
        Add("kind", Kind);
        Add("folder", Folder);
        var p = page ?? Page;
        if (p > 1) parts.Add($"page={p.ToString(CultureInfo.InvariantCulture)}");
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }

    public string HiddenFields()
    {
        var sb = new StringBuilder();
        foreach (var (key, value) in new[] { ("q", Q), ("kind", Kind), ("folder", Folder), ("page", Page > 1 ? Page.ToString(CultureInfo.InvariantCulture) : "") })
            if (value.Length > 0) sb.Append($"<input type=\"hidden\" name=\"{key}\" value=\"{H(value)}\">");
        return sb.ToString();
    }
}
