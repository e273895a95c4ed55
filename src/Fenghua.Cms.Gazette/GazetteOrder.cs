namespace Fenghua.Cms.Gazette;

public enum GazetteOrder
{
    Relevance,
    Newest,
    Oldest,
}
