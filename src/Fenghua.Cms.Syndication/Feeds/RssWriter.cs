using System.Text;
using System.Xml;

namespace Fenghua.Cms.Syndication.Feeds;

/// <summary>RSS 2.0 with atom:link rel=self, non-permalink guids, the summary as description and the full content as content:encoded.</summary>
public static class RssWriter
{
    private const string AtomNs = "http://www.w3.org/2005/Atom";
    private const string ContentNs = "http://purl.org/rss/1.0/modules/content/";
    private const string DcNs = "http://purl.org/dc/elements/1.1/";

    public static byte[] Write(FeedDocument feed)
    {
        using var stream = new MemoryStream();
        using (var w = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            w.WriteStartDocument();
            w.WriteStartElement("rss");
            w.WriteAttributeString("version", "2.0");
            w.WriteAttributeString("xmlns", "atom", null, AtomNs);
            w.WriteAttributeString("xmlns", "content", null, ContentNs);
            w.WriteAttributeString("xmlns", "dc", null, DcNs);
            w.WriteStartElement("channel");
            w.WriteElementString("title", feed.Title);
            w.WriteElementString("link", feed.HomeUrl);
            w.WriteElementString("description", feed.Description);
            w.WriteElementString("language", "zh-cn");
            w.WriteElementString("lastBuildDate", FeedTime.Rfc822(feed.Updated));
            w.WriteElementString("generator", "Fenghua CMS");
            w.WriteStartElement("atom", "link", AtomNs);
            w.WriteAttributeString("href", feed.SelfUrl(FeedFormat.Rss));
            w.WriteAttributeString("rel", "self");
            w.WriteAttributeString("type", "application/rss+xml");
            w.WriteEndElement();
            foreach (var e in feed.Entries)
            {
                w.WriteStartElement("item");
                w.WriteElementString("title", e.Title);
                w.WriteElementString("link", e.Url);
                w.WriteStartElement("guid");
                w.WriteAttributeString("isPermaLink", "false");
                w.WriteString(e.Id);
                w.WriteEndElement();
                w.WriteElementString("pubDate", FeedTime.Rfc822(e.Published));
                w.WriteElementString("dc", "creator", DcNs, e.SourceSite is null ? e.Author : $"{e.Author}（来源：{e.SourceSite}）");
                if (e.Category.Length > 0) w.WriteElementString("category", e.Category);
                w.WriteElementString("description", e.Summary);
                w.WriteStartElement("content", "encoded", ContentNs);
                w.WriteCData(e.ContentHtml.Replace("]]>", "]]&gt;"));
                w.WriteEndElement();
                w.WriteEndElement();
            }
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndDocument();
        }
        return stream.ToArray();
    }
}
