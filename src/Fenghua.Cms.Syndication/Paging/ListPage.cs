namespace Fenghua.Cms.Syndication.Paging;

/// <summary>One page of a list with the number of all matching rows, so a reader knows how many pages there are.</summary>
public sealed record ListPage<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
