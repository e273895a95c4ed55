using System.Net;
using System.Text;

namespace Fenghua.Cms.Mail;

/// <summary>
/// Builds the two bodies of a notification side by side from the same lines, so the plain-text and
/// HTML versions never say different things. Every value is HTML-encoded in the HTML body.
/// </summary>
public sealed class MailBody
{
    private readonly StringBuilder _text = new();
    private readonly StringBuilder _html = new();

    public MailBody(string greetingName)
    {
        var name = string.IsNullOrWhiteSpace(greetingName) ? "您好" : $"{greetingName}，您好";
        _text.Append(name).Append("：\n\n");
        _html.Append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"></head><body>")
            .Append("<p>").Append(Encode(name)).Append("：</p>");
    }

    public MailBody Paragraph(string text)
    {
        _text.Append(text).Append("\n\n");
        _html.Append("<p>").Append(Encode(text)).Append("</p>");
        return this;
    }

    /// <summary>A labelled value (站点、标题…); skipped when the value is empty.</summary>
    public MailBody Field(string label, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return this;
        _text.Append(label).Append('：').Append(value).Append('\n');
        _html.Append("<p><strong>").Append(Encode(label)).Append("：</strong>")
            .Append(Encode(value).Replace("\n", "<br>")).Append("</p>");
        return this;
    }

    public MailBody Link(string label, string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return this;
        _text.Append('\n').Append(label).Append('：').Append(url).Append('\n');
        _html.Append("<p><a href=\"").Append(Encode(url)).Append("\">").Append(Encode(label)).Append("</a></p>");
        return this;
    }

    public MailRequest ToRequest(MailRecipient to, string subject, string kind)
    {
        const string footer = "此邮件由奉化区政府网站集约化平台自动发送，请勿直接回复。";
        var text = _text.Append("\n—\n").Append(footer).Append('\n').ToString();
        var html = _html.Append("<hr><p><small>").Append(Encode(footer)).Append("</small></p></body></html>").ToString();
        return new MailRequest(to, subject, text, html, kind);
    }

    private static string Encode(string s) => WebUtility.HtmlEncode(s);
}
