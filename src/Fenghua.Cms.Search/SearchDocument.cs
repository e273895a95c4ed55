namespace Fenghua.Cms.Search;

/// <summary>
/// One published item as the search engine sees it. The host maps its content
/// types onto this flat shape so a site's search and the portal's unified search
/// share one index (filtered by <see cref="SiteKey"/>).
/// </summary>
public sealed record SearchDocument
{
    /// <summary>Stable item id; an upsert with the same id replaces the previous version.</summary>
    public required string Id { get; init; }
    public required string SiteKey { get; init; }
    public string SiteName { get; init; } = "";
    /// <summary>PolicyDocument, Interpretation, Article, Notice, GazetteArticle …</summary>
    public required string ContentType { get; init; }
    /// <summary>Column path such as "/zwgk/zcwj"; a column filter also matches its sub-columns.</summary>
    public string? ColumnPath { get; init; }
    public required string Title { get; init; }
    /// <summary>Plain text (no HTML): snippets are cut from it and HTML-escaped.</summary>
    public string Body { get; init; } = "";
    /// <summary>发文字号 as typed; indexed also in canonical form and as key so every spelling finds it.</summary>
    public string? DocumentNumber { get; init; }
    public string? Issuer { get; init; }
    public DateTimeOffset PublishedAt { get; init; }
    public DateOnly? WrittenDate { get; init; }
    /// <summary>有效 / 失效 / 已修订 …, filterable as typed.</summary>
    public string? Validity { get; init; }
    public string Url { get; init; } = "";
    /// <summary>Only public documents are indexed; upserting a non-public one removes it from the index.</summary>
    public bool IsPublic { get; init; } = true;
    public int? GazetteYear { get; init; }
    public int? GazetteIssue { get; init; }
    public string? GazetteSection { get; init; }
}
