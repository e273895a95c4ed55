using System.Text.Encodings.Web;
using System.Text.Json;

namespace Fenghua.Cms.Syndication.Feeds;

/// <summary>JSON Feed 1.1 (application/feed+json); the app channel (两微一端的“端”) polls it.</summary>
public static class JsonFeedWriter
{
    public static byte[] Write(FeedDocument feed)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("version", "https://jsonfeed.org/version/1.1");
            w.WriteString("title", feed.Title);
            w.WriteString("home_page_url", feed.HomeUrl);
            w.WriteString("feed_url", feed.SelfUrl(FeedFormat.Json));
            w.WriteString("description", feed.Description);
            w.WriteString("language", "zh-CN");
            WriteAuthors(w, feed.Author);
            w.WriteStartArray("items");
            foreach (var e in feed.Entries)
            {
                w.WriteStartObject();
                w.WriteString("id", e.Id);
                w.WriteString("url", e.Url);
                w.WriteString("title", e.Title);
                w.WriteString("summary", e.Summary);
                w.WriteString("content_html", e.ContentHtml);
                w.WriteString("date_published", FeedTime.Rfc3339(e.Published));
                w.WriteString("date_modified", FeedTime.Rfc3339(e.Updated));
                WriteAuthors(w, e.Author);
                if (e.Category.Length > 0)
                {
                    w.WriteStartArray("tags");
                    w.WriteStringValue(e.Category);
                    w.WriteEndArray();
                }
                if (e.SourceSite is not null)
                {
                    w.WriteStartObject("_fenghua");
                    w.WriteString("source_site", e.SourceSite);
                    w.WriteEndObject();
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return stream.ToArray();
    }

    private static void WriteAuthors(Utf8JsonWriter w, string name)
    {
        w.WriteStartArray("authors");
        w.WriteStartObject();
        w.WriteString("name", name);
        w.WriteEndObject();
        w.WriteEndArray();
    }
}
