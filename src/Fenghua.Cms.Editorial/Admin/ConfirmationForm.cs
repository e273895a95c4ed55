using System.Text;
using static Fenghua.Cms.Editorial.Admin.AdminHtml;

namespace Fenghua.Cms.Editorial.Admin;

/// <summary>
/// The last step of a destructive admin action: a form that posts the same fields again with <c>confirm=1</c>, and a
/// way back. Handlers act only when <see cref="IsConfirmed"/>; any other POST (an old page, a double click on the
/// list's button) shows this page instead, so nothing is removed by a single click and no script is needed.
/// </summary>
public static class ConfirmationForm
{
    public const string Field = "confirm";

    public static bool IsConfirmed(IFormCollection form) => form[Field] == "1";

    /// <param name="action">The POST address (already including the site prefix), not yet encoded.</param>
    /// <param name="fields">Fields carried unchanged to the acting POST, not yet encoded.</param>
    public static string Render(HttpContext http, string action, IEnumerable<(string Name, string Value)> fields, string button, string cancelHref, string cancelText)
    {
        var sb = new StringBuilder($"<form method=\"post\" action=\"{H(action)}\" class=\"confirm\">{Antiforgery(http)}");
        foreach (var (name, value) in fields) sb.Append($"<input type=\"hidden\" name=\"{H(name)}\" value=\"{H(value)}\">");
        sb.Append($"<input type=\"hidden\" name=\"{Field}\" value=\"1\"><button type=\"submit\" class=\"reject\">{H(button)}</button></form>");
        sb.Append($"<p><a href=\"{H(cancelHref)}\">{H(cancelText)}</a></p>");
        return sb.ToString();
    }
}
