using System.Text.Json;
using Fenghua.Cms.Syndication.Paging;

namespace Fenghua.Cms.Syndication.Api;

/// <summary>
/// ?page= and ?pageSize= on the API's lists. A client that asks for a page gets {total, page, pageSize, pages, items};
/// a client that does not still gets the plain array of the newest 200 it always got. Both carry X-Total-Count.
/// </summary>
public static class ApiPaging
{
    public static (PageRequest Request, bool Asked) Of(HttpRequest request)
    {
        var page = request.Query["page"].ToString();
        var size = request.Query["pageSize"].ToString();
        var asked = page.Length > 0 || size.Length > 0;
        return (PageRequest.Parse(page, size, asked ? PageRequest.AdminPageSize : PageRequest.MaxPageSize), asked);
    }

    public static IResult Answer<T>(HttpContext http, ListPage<T> page, bool asked, JsonSerializerOptions json)
    {
        http.Response.Headers["X-Total-Count"] = page.Total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return asked
            ? Results.Json(new { total = page.Total, page = page.Page, pageSize = page.PageSize, pages = page.Pages, items = page.Items }, json)
            : Results.Json(page.Items, json);
    }
}
