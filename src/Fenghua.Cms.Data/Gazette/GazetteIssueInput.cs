namespace Fenghua.Cms.Data.Gazette;

/// <summary>An issue as an import or a recipe describes it; <see cref="PdfFile"/> is a file to copy into the PDF store.</summary>
public sealed record GazetteIssueInput(int Year, int Issue, DateOnly PublicationDate)
{
    public int? TotalIssue { get; init; }
    public IReadOnlyList<string> Sections { get; init; } = [];
    public string? PdfFile { get; init; }
}
