using System.Text;
using Fenghua.Cms.Syndication.Paging;
using static Fenghua.Cms.Editorial.Admin.AdminHtml;

namespace Fenghua.Cms.Syndication.Admin;

/// <summary>The total and the page links under an admin list; each link keeps the list's other query values (filter, the other list's page).</summary>
internal static class Pager
{
    public static string Html<T>(HttpContext http, string path, ListPage<T> page, string pageParameter, IEnumerable<(string Name, string? Value)> keep, string unit)
    {
        var sb = new StringBuilder($"<p class=\"pager\" data-total=\"{page.Total}\">共 {page.Total} {unit}");
        if (page.Pages > 1)
        {
            var rest = string.Concat(keep.Where(k => !string.IsNullOrEmpty(k.Value)).Select(k => $"{Uri.EscapeDataString(k.Name)}={Uri.EscapeDataString(k.Value!)}&"));
            string Link(int n) => H($"{Base(http)}{path}?{rest}{pageParameter}={n}");
            sb.Append($"，第 {page.Page}/{page.Pages} 页");
            if (page.Page > 1) sb.Append($" <a href=\"{Link(Math.Min(page.Page - 1, page.Pages))}\" rel=\"prev\">上一页</a>");
            if (page.Page < page.Pages) sb.Append($" <a href=\"{Link(page.Page + 1)}\" rel=\"next\">下一页</a>");
        }
        return sb.Append("。</p>").ToString();
    }
}
