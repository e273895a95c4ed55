using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Antiforgery;

namespace Fenghua.Cms.Editorial.Admin;

/// <summary>
/// The admin's page shell and small HTML pieces. Everything user-typed goes through <see cref="H"/>; scripts and
/// styles are static files (/admin/assets), as the Content-Security-Policy forbids inline ones.
/// </summary>
public static class AdminHtml
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string H(string? s) => s is null ? "" : Encoder.Encode(s);

    public static string Base(HttpContext http) => http.Request.PathBase.Value ?? "";

    public static string Url(HttpContext http, string path) => Base(http) + path;

    public static string Antiforgery(HttpContext http)
    {
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        return $"<input type=\"hidden\" name=\"{H(tokens.FormFieldName)}\" value=\"{H(tokens.RequestToken)}\">";
    }

    public static IResult Page(HttpContext http, string title, string body, int status = 200, bool nav = true)
    {
        var b = Base(http);
        var user = http.User.Identity?.IsAuthenticated == true ? http.User.Identity.Name : null;
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        sb.Append($"<title>{H(title)} - 奉化区政务网站管理后台</title>");
        sb.Append($"<link rel=\"stylesheet\" href=\"/admin/assets/admin.css\"><script src=\"/admin/assets/admin.js\" defer></script></head><body>");
        sb.Append("<header class=\"bar\"><a class=\"brand\" href=\"").Append(H(b)).Append("/admin\">奉化区政务网站管理后台</a>");
        if (user is not null && nav)
        {
            sb.Append("<nav>");
            foreach (var item in AdminMenu.For(http))
                sb.Append($"<a href=\"{H(b + item.Path)}\">{H(item.Label)}</a>");
            sb.Append("</nav>");
            sb.Append($"<form method=\"post\" action=\"{H(b)}/admin/logout\" class=\"who\">{Antiforgery(http)}<span>{H(user)}</span> <button type=\"submit\">退出</button></form>");
        }
        sb.Append("</header><main>");
        sb.Append($"<h1>{H(title)}</h1>");
        sb.Append(body);
        sb.Append("</main></body></html>");
        return Results.Content(sb.ToString(), "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    public static string Errors(IEnumerable<(string Field, string Message)> errors)
    {
        var list = errors.ToList();
        if (list.Count == 0) return "";
        var sb = new StringBuilder("<div class=\"errors\" role=\"alert\"><p>请修改以下问题：</p><ul>");
        foreach (var (field, message) in list) sb.Append($"<li data-field=\"{H(field)}\">{H(message)}</li>");
        return sb.Append("</ul></div>").ToString();
    }

    public static string Notice(string? message) => string.IsNullOrEmpty(message) ? ""
        : $"<p class=\"notice{(message.Contains("未能", StringComparison.Ordinal) ? " warning" : "")}\" role=\"status\">{H(message)}</p>";

    public static string Options(IEnumerable<(string Value, string Label)> options, string? selected) =>
        string.Concat(options.Select(o => $"<option value=\"{H(o.Value)}\"{(o.Value == selected ? " selected" : "")}>{H(o.Label)}</option>"));
}
