namespace Fenghua.Cms.Syndication.Feeds;

/// <summary>A feed before it is written in one of the formats; every URL is absolute.</summary>
public sealed record FeedDocument(
    string Id, string Title, string Description, string HomeUrl, string SelfUrlWithoutExtension,
    string Author, DateTimeOffset Updated, IReadOnlyList<FeedEntry> Entries)
{
    /// <summary>A self URL that is not "path.extension" (a search feed carries its query after the extension).</summary>
    public string? FixedSelfUrl { get; init; }

    public string SelfUrl(FeedFormat format) => FixedSelfUrl ?? SelfUrlWithoutExtension + "." + FeedFormats.Extension(format);
}

/// <summary>
/// One item: <paramref name="Id"/> is a tag URI built from the item id, stable across slug changes and
/// the same wherever the item is listed (its own site or a column it was shared to).
/// </summary>
public sealed record FeedEntry(
    string Id, string Url, string Title, string Summary, string ContentHtml, DateTimeOffset Published, DateTimeOffset Updated,
    string Author, string Category, string? SourceSite);
