using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Fenghua.Cms.Syndication.Formatting;

/// <summary>
/// Turns the sanitised article HTML into what WeChat keeps: no scripts, no classes, inline styles
/// only; links outside WeChat become numbered footnotes (公众号正文只能链接公众号文章); tables and
/// code stay readable on a phone; images point at re-hosted copies or are dropped.
/// </summary>
public static class WeChatHtml
{
    public const int MaxContentLength = 20_000;

    private static readonly Dictionary<string, string> Styles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["p"] = "margin:0 0 1em;line-height:1.75;font-size:16px;color:#333;",
        ["h1"] = "font-size:20px;font-weight:bold;margin:1.2em 0 .6em;",
        ["h2"] = "font-size:18px;font-weight:bold;margin:1.2em 0 .6em;",
        ["h3"] = "font-size:17px;font-weight:bold;margin:1em 0 .5em;",
        ["h4"] = "font-size:16px;font-weight:bold;margin:1em 0 .5em;",
        ["ul"] = "margin:0 0 1em;padding-left:1.5em;",
        ["ol"] = "margin:0 0 1em;padding-left:1.5em;",
        ["li"] = "line-height:1.75;",
        ["blockquote"] = "margin:0 0 1em;padding:.5em 1em;border-left:3px solid #ccc;color:#666;",
        ["table"] = "border-collapse:collapse;width:100%;margin:0 0 1em;font-size:14px;",
        ["th"] = "border:1px solid #ccc;padding:4px 6px;background:#f5f5f5;",
        ["td"] = "border:1px solid #ccc;padding:4px 6px;",
        ["pre"] = "white-space:pre-wrap;word-break:break-all;background:#f6f6f6;padding:8px;font-size:13px;",
        ["code"] = "font-family:Menlo,Consolas,monospace;font-size:13px;",
        ["img"] = "max-width:100%;height:auto;",
        ["hr"] = "border:0;border-top:1px solid #ddd;margin:1em 0;",
        ["sup"] = "font-size:12px;color:#888;",
    };

    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "iframe", "object", "embed", "form", "input", "button", "noscript", "link", "meta" };

    /// <summary>The images the content shows, in order (absolute src).</summary>
    public static List<string> ImageSources(string html) =>
        Parse(html).QuerySelectorAll("img[src]").Select(i => i.GetAttribute("src")!).Where(s => s.StartsWith("http", StringComparison.OrdinalIgnoreCase)).Distinct().ToList();

    /// <summary>Converts <paramref name="html"/>; <paramref name="images"/> maps original src to the WeChat URL (others are dropped).</summary>
    public static string Convert(string html, IReadOnlyDictionary<string, string> images)
    {
        var body = Parse(html);
        foreach (var e in body.QuerySelectorAll("*").Where(e => Dropped.Contains(e.LocalName)).ToList()) e.Remove();

        var footnotes = new List<string>();
        foreach (var a in body.QuerySelectorAll("a").ToList())
        {
            var href = a.GetAttribute("href") ?? "";
            if (IsWeChatArticle(href)) { a.SetAttribute("href", href); continue; }
            var text = a.TextContent;
            var replacement = body.Owner!.CreateElement("span");
            replacement.TextContent = text;
            if (href.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            {
                if (!footnotes.Contains(href)) footnotes.Add(href);
                var n = footnotes.IndexOf(href) + 1;
                var sup = body.Owner.CreateElement("sup");
                sup.TextContent = $"[{n}]";
                replacement.AppendChild(sup);
            }
            a.Replace(replacement);
        }

        foreach (var img in body.QuerySelectorAll("img").ToList())
        {
            if (images.TryGetValue(img.GetAttribute("src") ?? "", out var hosted)) img.SetAttribute("src", hosted);
            else img.Remove();
        }

        foreach (var e in body.QuerySelectorAll("*"))
        {
            foreach (var attr in e.Attributes.Select(a => a.Name).ToList())
                if (!(attr is "src" or "href" or "alt" or "colspan" or "rowspan")) e.RemoveAttribute(attr);
            if (Styles.TryGetValue(e.LocalName, out var style) && !(e.LocalName == "code" && e.ParentElement?.LocalName == "pre"))
                e.SetAttribute("style", style);
        }
        // Wide tables scroll sideways instead of squeezing.
        foreach (var table in body.QuerySelectorAll("table").ToList())
        {
            var wrapper = body.Owner!.CreateElement("section");
            wrapper.SetAttribute("style", "overflow-x:auto;");
            table.Replace(wrapper);
            wrapper.AppendChild(table);
        }

        var sb = new StringBuilder(body.InnerHtml);
        if (footnotes.Count > 0)
        {
            sb.Append("<section style=\"margin-top:2em;font-size:13px;color:#888;\"><p style=\"margin:0 0 .5em;\">参考链接：</p>");
            for (var i = 0; i < footnotes.Count; i++)
                sb.Append("<p style=\"margin:0;word-break:break-all;\">[").Append(i + 1).Append("] ").Append(WebUtility.HtmlEncode(footnotes[i])).Append("</p>");
            sb.Append("</section>");
        }
        return sb.ToString();
    }

    public static bool IsWeChatArticle(string href) =>
        Uri.TryCreate(href, UriKind.Absolute, out var u) && u.Scheme == "https" && u.Host == "mp.weixin.qq.com";

    private static IElement Parse(string html)
    {
        var doc = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body></body></html>");
        doc.Body!.InnerHtml = html;
        return doc.Body;
    }
}
