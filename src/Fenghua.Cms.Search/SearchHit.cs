namespace Fenghua.Cms.Search;

/// <summary>
/// One result. <see cref="Snippet"/> and <see cref="TitleHighlighted"/> are HTML-safe:
/// everything is escaped except the &lt;mark&gt;…&lt;/mark&gt; tags around matched terms.
/// </summary>
public sealed record SearchHit
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string TitleHighlighted { get; init; }
    public required string Url { get; init; }
    public required string SiteKey { get; init; }
    public required string SiteName { get; init; }
    public required string ContentType { get; init; }
    public string? DocumentNumber { get; init; }
    public string? Issuer { get; init; }
    public DateTimeOffset PublishedAt { get; init; }
    public DateOnly? WrittenDate { get; init; }
    public string? Validity { get; init; }
    public int? GazetteYear { get; init; }
    public int? GazetteIssue { get; init; }
    public string? GazetteSection { get; init; }
    public required string Snippet { get; init; }
    /// <summary>Relevance score (NaN when sorted by date without scores); for diagnostics only.</summary>
    public float Score { get; init; }
}
