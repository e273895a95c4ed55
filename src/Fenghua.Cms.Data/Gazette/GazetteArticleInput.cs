namespace Fenghua.Cms.Data.Gazette;

/// <summary>A gazette document as an import or a recipe describes it.</summary>
public sealed record GazetteArticleInput(int Year, int Issue, string Section, int Order, string Title)
{
    /// <summary>Stable id of the source record; matched first on re-import.</summary>
    public string? SourceId { get; init; }
    public string? DocumentNumber { get; init; }
    public string? Issuer { get; init; }
    /// <summary>成文日期, YYYY-MM-DD.</summary>
    public string? WrittenDate { get; init; }
    public string? IndexNumber { get; init; }
    public string? Topic { get; init; }
    public string? Markdown { get; init; }
    public string? Summary { get; init; }
    public int? PageFrom { get; init; }
    public int? PageTo { get; init; }
    /// <summary>The PolicyDocument this is, when it is already in the policy library (then no second copy of the body).</summary>
    public int? PolicyItemId { get; init; }
}
