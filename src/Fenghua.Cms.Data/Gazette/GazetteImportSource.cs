namespace Fenghua.Cms.Data.Gazette;

/// <summary>What a reader found in an import file or folder: records grouped by issue, and the records it refused.</summary>
public sealed class GazetteImportSource
{
    public List<GazetteImportIssue> Issues { get; } = [];
    public List<GazetteImportProblem> Rejected { get; } = [];
    public int Records => Issues.Sum(i => i.Articles.Count) + Rejected.Count;
}

public sealed record GazetteImportIssue(string Location, GazetteIssueInput Issue, List<GazetteImportArticle> Articles);

public sealed record GazetteImportArticle(string Location, int Line, GazetteArticleInput Article);

/// <summary>A refused record: where it is (line number or file) and why.</summary>
public sealed record GazetteImportProblem(string Location, int Line, string Reason);
