using System.Text;
using System.Xml;

namespace Fenghua.Cms.Syndication.Feeds;

/// <summary>Atom 1.0 (RFC 4287): ids, updated, authors, self and alternate links, summary and full HTML content.</summary>
public static class AtomWriter
{
    private const string Ns = "http://www.w3.org/2005/Atom";

    public static byte[] Write(FeedDocument feed)
    {
        using var stream = new MemoryStream();
        using (var w = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            w.WriteStartDocument();
            w.WriteStartElement("feed", Ns);
            w.WriteAttributeString("xml", "lang", null, "zh-CN");
            w.WriteElementString("id", Ns, feed.Id);
            w.WriteElementString("title", Ns, feed.Title);
            w.WriteElementString("subtitle", Ns, feed.Description);
            w.WriteElementString("updated", Ns, FeedTime.Rfc3339(feed.Updated));
            Link(w, "self", feed.SelfUrl(FeedFormat.Atom), "application/atom+xml");
            Link(w, "alternate", feed.HomeUrl, "text/html");
            Author(w, feed.Author);
            w.WriteStartElement("generator", Ns);
            w.WriteString("Fenghua CMS");
            w.WriteEndElement();
            foreach (var e in feed.Entries)
            {
                w.WriteStartElement("entry", Ns);
                w.WriteElementString("id", Ns, e.Id);
                w.WriteElementString("title", Ns, e.Title);
                Link(w, "alternate", e.Url, "text/html");
                w.WriteElementString("published", Ns, FeedTime.Rfc3339(e.Published));
                w.WriteElementString("updated", Ns, FeedTime.Rfc3339(e.Updated));
                Author(w, e.Author);
                if (e.Category.Length > 0)
                {
                    w.WriteStartElement("category", Ns);
                    w.WriteAttributeString("term", e.Category);
                    w.WriteEndElement();
                }
                if (e.SourceSite is not null)
                {
                    w.WriteStartElement("source", Ns);
                    w.WriteElementString("title", Ns, e.SourceSite);
                    w.WriteEndElement();
                }
                w.WriteStartElement("summary", Ns);
                w.WriteAttributeString("type", "text");
                w.WriteString(e.Summary);
                w.WriteEndElement();
                w.WriteStartElement("content", Ns);
                w.WriteAttributeString("type", "html");
                w.WriteString(e.ContentHtml);
                w.WriteEndElement();
                w.WriteEndElement();
            }
            w.WriteEndElement();
            w.WriteEndDocument();
        }
        return stream.ToArray();
    }

    private static void Link(XmlWriter w, string rel, string href, string type)
    {
        w.WriteStartElement("link", Ns);
        w.WriteAttributeString("rel", rel);
        w.WriteAttributeString("type", type);
        w.WriteAttributeString("href", href);
        w.WriteEndElement();
    }

    private static void Author(XmlWriter w, string name)
    {
        w.WriteStartElement("author", Ns);
        w.WriteElementString("name", Ns, name);
        w.WriteEndElement();
    }
}
