using System.Globalization;
using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Core.Markdown;
using Fenghua.Cms.Core.Parts;
using Fenghua.Cms.Core.Sites;

namespace Fenghua.Cms.Search.Hosting;

/// <summary>Maps a published content item (and its published version) onto the flat shape the index stores.</summary>
public static class SearchDocumentMapper
{
    /// <summary>Part written by the Gazette module on GazetteArticle items: year, issue, section (order, issueId).</summary>
    public const string GazettePlacementPart = "GazettePlacement";

    public static SearchDocument Map(ContentItem item, ContentVersion published, Site site, string? columnPath)
    {
        var doc = published.Part("GovDocument");
        var placement = published.Part(GazettePlacementPart);
        DateOnly? written = doc is not null && doc.TryDate("writtenDate", out var w) ? w : null;
        return new SearchDocument
        {
            Id = item.Id.ToString(CultureInfo.InvariantCulture),
            SiteKey = site.Key,
            SiteName = site.Name,
            ContentType = item.ContentType,
            ColumnPath = columnPath,
            Title = published.Title.Length > 0 ? published.Title : item.Title,
            Body = Body(published),
            DocumentNumber = NullIfBlank(doc?.Str("documentNumber")),
            Issuer = NullIfBlank(doc?.Str("issuer")),
            // Beijing time: the year and date filters are the dates printed on the page.
            PublishedAt = ShanghaiTime.ToLocal(item.PublishedUtc ?? published.PublishedUtc ?? item.CreatedUtc),
            WrittenDate = written,
            Validity = NullIfBlank(doc?.Str("validity")),
            Url = Url(site, item.PublicPath ?? ""),
            GazetteYear = placement?.Int("year"),
            GazetteIssue = placement?.Int("issue"),
            GazetteSection = NullIfBlank(placement?.Str("section")),
        };
    }

    /// <summary>The item's public URL as seen from any site of the group: the site's path prefix, or its host when it has only a host name.</summary>
    public static string Url(Site site, string publicPath)
    {
        if (site.PathPrefix.Length == 0 && site.HostNames.Count > 0) return $"//{site.HostNames[0]}/{publicPath}";
        return $"{site.PathPrefix}/{publicPath}";
    }

    /// <summary>Summary, body and keywords as plain text; the summary first so snippets without a match start with it.</summary>
    private static string Body(ContentVersion v)
    {
        var parts = new[]
        {
            v.PartString("Summary", "summary"),
            MarkdownRenderer.Instance.ToPlainText(v.PartString("MarkdownBody", "markdown")),
            v.PartString("Keywords", "keywords"),
        };
        return string.Join("\n", parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));
    }

    private static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
