namespace Fenghua.Cms.Search;

/// <summary>Result order. Relevance breaks ties by newest first.</summary>
public enum SearchSort
{
    Relevance,
    Newest,
    Oldest,
}
