using Fenghua.Cms.Core;

namespace Fenghua.Cms.Syndication.Paging;

/// <summary>
/// Which slice of a newest-first list to show. The admin shows 50 a page; the API lets a client ask for up to 200
/// (the size the lists had before paging, so one page never costs more than the old whole list).
/// </summary>
public sealed record PageRequest(int Page, int PageSize)
{
    public const int AdminPageSize = 50;
    public const int MaxPageSize = 200;

    public int Skip => (Page - 1) * PageSize;

    /// <summary>Reads ?page= and ?pageSize= as typed; a bad value is an error naming the parameter.</summary>
    public static PageRequest Parse(string? page, string? pageSize, int defaultSize)
    {
        var errors = new List<ValidationError>();
        var number = 1;
        if (!string.IsNullOrEmpty(page) && (!int.TryParse(page, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out number) || number < 1))
            errors.Add(new("page", $"页码“{page}”无效：应为正整数。"));
        var size = defaultSize;
        if (!string.IsNullOrEmpty(pageSize) && (!int.TryParse(pageSize, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxPageSize))
            errors.Add(new("pageSize", $"每页条数“{pageSize}”无效：应为 1 到 {MaxPageSize} 的整数。"));
        if (errors.Count > 0) throw new ValidationException(errors);
        return new PageRequest(number, size);
    }
}
