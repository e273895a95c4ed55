using System.Globalization;
using Fenghua.Cms.Core.Parts;
using Fenghua.Cms.Core.Sites;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Sites;
using Microsoft.EntityFrameworkCore;

namespace Fenghua.Cms.Search.Web;

/// <summary>
/// Turns /search and /api/search parameters into one <see cref="SearchQuery"/>, so the page and the
/// API run the same engine call. A sub-site searches only itself; the portal searches every enabled
/// site unless `site` narrows it. Errors name the HTTP parameter and say the rule in Chinese.
/// </summary>
public sealed class SearchRequestReader(SiteContext siteContext, SiteCatalog catalog, CmsDbContext db)
{
    public const int MaxPerPage = 50;
    public const int DefaultPerPage = 10;
    private const int MaxFieldLength = 100;

    public async Task<SearchRequest> ReadAsync(IQueryCollection parameters, CancellationToken ct)
    {
        var form = SearchForm.Read(parameters);
        var current = siteContext.Site ?? throw new InvalidOperationException("No site entered.");
        var sites = await catalog.AllAsync(ct);
        var portal = sites.FirstOrDefault(s => s.PathPrefix.Length == 0 && s.HostNames.Count == 0);
        var isPortal = current.Id == portal?.Id;
        var searchable = isPortal ? sites.Where(s => s.Enabled).ToList() : [current];
        var types = await db.ContentTypes.AsNoTracking().OrderBy(t => t.Id).ToDictionaryAsync(t => t.Name, t => t.DisplayName, ct);

        SearchRequest Fail(string parameter, string rule) => new(form, null, new SearchQueryError(parameter, rule), current, isPortal, searchable, types);

        if (form.Q.Length > SearchQuery.MaxTextLength) return Fail("q", $"关键词最多 {SearchQuery.MaxTextLength} 个字符（现为 {form.Q.Length} 个）。");

        IReadOnlyList<string> siteKeys = searchable.Select(s => s.Key).ToList();
        if (form.Site.Length > 0)
        {
            var asked = form.Site.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
            if (asked.FirstOrDefault(k => searchable.All(s => s.Key != k)) is { } unknown)
                return Fail("site", isPortal ? $"站点“{unknown}”不存在或已停用。" : $"本站只能搜索本站信息（{current.Key}）；要搜索“{unknown}”请使用门户网站的搜索。");
            siteKeys = asked;
        }

        if (form.Type.Length > 0 && !types.ContainsKey(form.Type))
            return Fail("type", $"内容类型“{form.Type}”不存在；可选：{string.Join("、", types.Keys)}。");
        if (form.Column.Length > 200) return Fail("column", "栏目路径最多 200 个字符。");
        if (form.Issuer.Length > MaxFieldLength) return Fail("issuer", $"发布机构最多 {MaxFieldLength} 个字符。");

        int? year = null;
        if (form.Year.Length > 0)
        {
            if (!int.TryParse(form.Year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y is < 1949 or > 2100)
                return Fail("year", $"年份“{form.Year}”无效：应为 1949 至 2100 之间的四位数字。");
            year = y;
        }
        if (!TryDate(form.From, out var from)) return Fail("from", $"起始日期“{form.From}”无效：应为 YYYY-MM-DD。");
        if (!TryDate(form.To, out var to)) return Fail("to", $"截止日期“{form.To}”无效：应为 YYYY-MM-DD。");
        if (from is { } f && to is { } t && f > t) return Fail("from", $"起始日期 {form.From} 晚于截止日期 {form.To}。");

        if (form.Validity.Length > 0 && !GovDocumentPart.Validities.Contains(form.Validity))
            return Fail("validity", $"有效性“{form.Validity}”无效：应为 {string.Join("、", GovDocumentPart.Validities)} 之一。");

        var sort = SearchSort.Relevance;
        switch (form.Sort)
        {
            case "" or "relevance": break;
            case "newest": sort = SearchSort.Newest; break;
            case "oldest": sort = SearchSort.Oldest; break;
            default: return Fail("sort", $"排序“{form.Sort}”无效：应为 relevance（相关度）、newest（最新）或 oldest（最早）。");
        }

        var page = 1;
        if (form.Page.Length > 0 && (!int.TryParse(form.Page, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1))
            return Fail("page", $"页码“{form.Page}”无效：应为不小于 1 的整数。");
        var perPage = DefaultPerPage;
        if (form.PerPage.Length > 0 && (!int.TryParse(form.PerPage, NumberStyles.None, CultureInfo.InvariantCulture, out perPage) || perPage is < 1 or > MaxPerPage))
            return Fail("per_page", $"每页条数“{form.PerPage}”无效：应为 1 至 {MaxPerPage} 的整数。");

        var query = new SearchQuery
        {
            Text = form.Q.Length > 0 ? form.Q : null,
            Sites = siteKeys,
            ContentType = NullIfEmpty(form.Type),
            Column = NullIfEmpty(form.Column),
            Issuer = NullIfEmpty(form.Issuer),
            Year = year,
            From = from,
            To = to,
            Validity = NullIfEmpty(form.Validity),
            Sort = sort,
            Page = page,
            PerPage = perPage,
            WithFacets = true,
        };
        if (SearchQuery.Validate(query) is { } engineError)
            return Fail(engineError.Parameter, engineError.Parameter == "page"
                ? $"页码过大：页码 × 每页条数不能超过 {SearchQuery.MaxWindow}，请缩小搜索范围。"
                : $"参数无效（{engineError.Rule}）。");
        return new SearchRequest(form, query, null, current, isPortal, searchable, types);
    }

    private static bool TryDate(string s, out DateOnly? date)
    {
        date = null;
        if (s.Length == 0) return true;
        if (!DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return false;
        date = d;
        return true;
    }

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}
