namespace Fenghua.Cms.Gazette;

// What the gazette templates and the API see. Liquid reads members in snake_case; the API writes snake_case JSON.

public sealed record GazetteYearView(int Year, int Issues, int Documents, string Url);

public sealed record GazetteIssueView(
    int Id, int Year, int Issue, int? TotalIssue, string Label, string PublicationDate, string Url, string? PdfUrl, int Documents);

public sealed record GazetteDocumentView(
    int Id, string Title, string? DocumentNumber, string? Issuer, string? WrittenDate, string PublicationDate,
    int Year, int Issue, string Section, int Order, int? PageFrom, int? PageTo, string Url, string? Pages)
{
    /// <summary>HTML-safe snippet with &lt;mark&gt; around matches (search results only).</summary>
    public string? Snippet { get; init; }
    public string? TitleHighlighted { get; init; }
}

public sealed record GazetteSectionView(string Name, IReadOnlyList<GazetteDocumentView> Documents);

public sealed record GazetteFacetView(string Value, int Count, string Url);

public sealed record GazetteLinkView(string Label, string Url);

public sealed record GazetteFacetGroupView(string Name, string Label, IReadOnlyList<GazetteFacetView> Values);
