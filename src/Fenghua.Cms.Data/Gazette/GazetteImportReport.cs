namespace Fenghua.Cms.Data.Gazette;

/// <summary>What an import did: documents created/updated/unchanged/rejected (each rejection with where and why), and issues.</summary>
public sealed class GazetteImportReport
{
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public List<GazetteImportProblem> Rejected { get; } = [];
    public int IssuesCreated { get; set; }
    public int IssuesUpdated { get; set; }
    public TimeSpan Elapsed { get; set; }

    public int Imported => Created + Updated + Unchanged;

    public void Count(GazetteWriteOutcome outcome)
    {
        switch (outcome)
        {
            case GazetteWriteOutcome.Created: Created++; break;
            case GazetteWriteOutcome.Updated: Updated++; break;
            default: Unchanged++; break;
        }
    }
}
