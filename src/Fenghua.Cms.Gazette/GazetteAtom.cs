using System.Text;
using System.Xml;
using Fenghua.Cms.Core.Content;

namespace Fenghua.Cms.Gazette;

/// <summary>One entry of a gazette Atom feed.</summary>
public sealed record GazetteAtomEntry(string Id, string Title, string Url, DateTimeOffset Updated, string Summary);

/// <summary>Writes Atom 1.0 (RFC 4287) for the gazette's feeds.</summary>
public static class GazetteAtom
{
    private const string Ns = "http://www.w3.org/2005/Atom";

    public static IResult Result(string title, string selfUrl, string alternateUrl, string feedId, string author, IReadOnlyList<GazetteAtomEntry> entries)
    {
        var sb = new StringBuilder();
        using (var w = XmlWriter.Create(sb, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8 }))
        {
            w.WriteStartDocument();
            w.WriteStartElement("feed", Ns);
            w.WriteAttributeString("xml", "lang", null, "zh-CN");
            w.WriteElementString("id", Ns, feedId);
            w.WriteElementString("title", Ns, title);
            w.WriteElementString("updated", Ns, Time(entries.Count > 0 ? entries.Max(e => e.Updated) : new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero)));
            Link(w, "self", selfUrl, "application/atom+xml");
            Link(w, "alternate", alternateUrl, "text/html");
            w.WriteStartElement("author", Ns);
            w.WriteElementString("name", Ns, author);
            w.WriteEndElement();
            foreach (var e in entries)
            {
                w.WriteStartElement("entry", Ns);
                w.WriteElementString("id", Ns, e.Id);
                w.WriteElementString("title", Ns, e.Title);
                w.WriteElementString("updated", Ns, Time(e.Updated));
                w.WriteElementString("published", Ns, Time(e.Updated));
                Link(w, "alternate", e.Url, "text/html");
                w.WriteStartElement("summary", Ns);
                w.WriteAttributeString("type", "text");
                w.WriteString(e.Summary);
                w.WriteEndElement();
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
        // XmlWriter over a StringBuilder declares utf-16; the bytes sent are UTF-8.
        var xml = sb.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"");
        return Results.Text(xml, "application/atom+xml; charset=utf-8", Encoding.UTF8);
    }

    private static void Link(XmlWriter w, string rel, string href, string type)
    {
        w.WriteStartElement("link", Ns);
        w.WriteAttributeString("rel", rel);
        w.WriteAttributeString("type", type);
        w.WriteAttributeString("href", href);
        w.WriteEndElement();
    }

    private static string Time(DateTimeOffset t) => ShanghaiTime.ToLocal(t).ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A tag: URI (RFC 4151) that stays the same when the host name changes.</summary>
    public static string TagId(string domain, string specific) => $"tag:{(domain.Length > 0 ? domain : "localhost")},2018:{specific}";
}
