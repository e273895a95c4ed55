using static Fenghua.Cms.Editorial.Admin.AdminHtml;

namespace Fenghua.Cms.Syndication.Admin;

/// <summary>Labelled inputs of the syndication forms; a field named in an error is marked invalid for screen readers and the eye.</summary>
internal static class FormFields
{
    public static string Input(string name, string label, string? value, ISet<string> invalid, string type = "text", string hint = "", string attributes = "", string? id = null)
    {
        id ??= "f-" + name;
        var sb = new System.Text.StringBuilder($"<div class=\"field\"><label for=\"{H(id)}\">{H(label)}</label>");
        sb.Append($"<input id=\"{H(id)}\" name=\"{H(name)}\" type=\"{type}\" value=\"{H(value)}\"{Invalid(name, invalid)}{attributes}>");
        if (hint.Length > 0) sb.Append($"<small>{H(hint)}</small>");
        return sb.Append("</div>").ToString();
    }

    public static string Select(string name, string label, IEnumerable<(string Value, string Label)> options, string? selected, ISet<string> invalid, string hint = "", string? id = null)
    {
        id ??= "f-" + name;
        var sb = new System.Text.StringBuilder($"<div class=\"field\"><label for=\"{H(id)}\">{H(label)}</label>");
        sb.Append($"<select id=\"{H(id)}\" name=\"{H(name)}\"{Invalid(name, invalid)}>{Options(options, selected)}</select>");
        if (hint.Length > 0) sb.Append($"<small>{H(hint)}</small>");
        return sb.Append("</div>").ToString();
    }

    public static string Invalid(string name, ISet<string> invalid) => invalid.Contains(name) ? " aria-invalid=\"true\" class=\"invalid\"" : "";

    /// <summary>Platform links are shown only when they are plain web addresses.</summary>
    public static string SafeLink(string? url, string text) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "https" or "http"
            ? $"<a href=\"{H(url)}\" rel=\"noopener noreferrer\" target=\"_blank\">{H(text)}</a>"
            : H(text);

    public static string Redirect(HttpContext http, string path, string message) =>
        $"{Base(http)}{path}{(path.Contains('?') ? '&' : '?')}msg={Uri.EscapeDataString(message)}";
}
