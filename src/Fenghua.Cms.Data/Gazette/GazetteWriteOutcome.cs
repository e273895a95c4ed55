namespace Fenghua.Cms.Data.Gazette;

public enum GazetteWriteOutcome
{
    Created,
    Updated,
    Unchanged,
}
