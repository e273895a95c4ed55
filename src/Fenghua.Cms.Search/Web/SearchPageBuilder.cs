using System.Globalization;
using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Core.Parts;
using Fenghua.Cms.Theming.Public;

namespace Fenghua.Cms.Search.Web;

/// <summary>Builds the view of the search page: the form as typed, results, facet links that add or remove a filter, pager, hints.</summary>
internal static class SearchPageBuilder
{
    private static readonly (string Name, string Label, string Parameter)[] FacetOrder =
        [("type", "信息类型", "type"), ("site", "站点", "site"), ("year", "发布年份", "year"), ("issuer", "发布机构", "issuer")];

    public static SearchPageView Build(HttpContext http, SearchRequest request, (SearchResult Result, int? WithoutFilters)? outcome, bool unavailable)
    {
        var action = PublicPages.Url(http, "search");
        var form = request.Form;
        string Link(SearchForm f) => action + f.ToQueryString();

        var siteOptions = request.IsPortal
            ? request.SearchableSites.Select(s => new OptionView(s.Key, s.Name, form.Site == s.Key)).Prepend(new OptionView("", "全部站点", form.Site.Length == 0)).ToList()
            : [];
        var typeOptions = request.TypeNames.Select(t => new OptionView(t.Key, t.Value, form.Type == t.Key)).Prepend(new OptionView("", "全部类型", form.Type.Length == 0)).ToList();
        var validityOptions = GovDocumentPart.Validities.Select(v => new OptionView(v, v, form.Validity == v)).Prepend(new OptionView("", "不限", form.Validity.Length == 0)).ToList();
        var sortOptions = new[] { ("relevance", "按相关度"), ("newest", "按时间（最新在前）"), ("oldest", "按时间（最早在前）") }
            .Select(s => new OptionView(s.Item1, s.Item2, (form.Sort.Length == 0 ? "relevance" : form.Sort) == s.Item1)).ToList();

        if (outcome is not { Result: var result, WithoutFilters: var withoutFilters })
        {
            var summary = unavailable ? "搜索服务暂不可用，请稍后再试。" : "";
            return new SearchPageView(action, form, request.IsPortal, !form.IsEmpty && request.Error is null, request.Error?.Rule, request.Error?.Parameter, unavailable,
                0, 1, 0, summary, [], [], siteOptions, typeOptions, validityOptions, sortOptions, null, null, null, null, null, null);
        }

        var query = request.Query!;
        var sites = request.SearchableSites.ToDictionary(s => s.Key, s => s.Name);
        var hits = result.Hits.Select(h => new SearchHitView(
            h.Title, h.TitleHighlighted, h.Url, h.SiteName, request.TypeNames.GetValueOrDefault(h.ContentType, h.ContentType),
            h.DocumentNumber, h.Issuer, ShanghaiTime.Date(h.PublishedAt), h.WrittenDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            h.Validity, h.Snippet)).ToList();

        var facets = new List<FacetGroupView>();
        foreach (var (name, label, parameter) in FacetOrder)
        {
            if (name == "site" && !request.IsPortal) continue;
            if (!result.Facets.TryGetValue(name, out var values) || values.Count == 0) continue;
            var current = Param(form, parameter);
            facets.Add(new FacetGroupView(name, label, values.Take(12).Select(v =>
            {
                var active = current == v.Value;
                var text = name switch
                {
                    "type" => request.TypeNames.GetValueOrDefault(v.Value, v.Value),
                    "site" => sites.GetValueOrDefault(v.Value, v.Value),
                    "year" => v.Value + "年",
                    _ => v.Value,
                };
                return new FacetLinkView(text, v.Count, Link(With(form, parameter, active ? "" : v.Value)), active);
            }).ToList()));
        }

        var pages = Math.Max(1, (result.Total + query.PerPage - 1) / query.PerPage);
        var pageLink = (int p) => Link(form with { Page = p == 1 ? "" : p.ToString(CultureInfo.InvariantCulture) });
        var summaryText = result.Total > 0
            ? $"共找到 {result.Total} 条结果，第 {query.Page} / {pages} 页"
            : "没有找到相关信息";
        return new SearchPageView(action, form, request.IsPortal, true, null, null, false,
            result.Total, query.Page, pages, summaryText, hits, facets, siteOptions, typeOptions, validityOptions, sortOptions,
            result.Suggestion, result.Suggestion is null ? null : Link(form with { Q = result.Suggestion, Page = "" }),
            withoutFilters, withoutFilters is > 0 ? action + new SearchForm(form.Q, "", "", "", "", "", "", "", "", form.Sort, "", form.PerPage).ToQueryString() : null,
            query.Page > 1 ? pageLink(query.Page - 1) : null,
            query.Page < pages ? pageLink(query.Page + 1) : null);
    }

    private static string Param(SearchForm f, string parameter) => parameter switch
    {
        "type" => f.Type, "site" => f.Site, "year" => f.Year, "issuer" => f.Issuer, _ => "",
    };

    /// <summary>The form with one filter changed and paging reset.</summary>
    private static SearchForm With(SearchForm f, string parameter, string value) => parameter switch
    {
        "type" => f with { Type = value, Page = "" },
        "site" => f with { Site = value, Page = "" },
        "year" => f with { Year = value, Page = "" },
        "issuer" => f with { Issuer = value, Page = "" },
        _ => f,
    };
}
