namespace Fenghua.Cms.Theming.Public;

/// <summary>
/// Elder-friendly mode (适老化): remembered in the <c>fh-mode=elder</c> cookie, switched by a plain
/// link to <c>?mode=elder</c> or <c>?mode=normal</c> on any page, so it works without JavaScript.
/// The output cache varies by the cookie (PublicPageCachePolicy).
/// </summary>
public static class ElderMode
{
    public const string Cookie = "fh-mode";
    public const string Elder = "elder";
    public const string Normal = "normal";
    public const string QueryKey = "mode";

    public static bool IsOn(HttpContext http) => http.Request.Cookies[Cookie] == Elder;

    /// <summary>The same page with the other mode requested: path base, path and query kept.</summary>
    public static string ToggleUrl(HttpContext http)
    {
        var query = http.Request.Query.Where(q => !string.Equals(q.Key, QueryKey, StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .Append(new(QueryKey, IsOn(http) ? Normal : Elder));
        return LocalPath(http) + QueryString.Create(query);
    }

    // "//host/…" would leave the site when used as a link or a redirect.
    private static string LocalPath(HttpContext http)
    {
        var path = (http.Request.PathBase + http.Request.Path).ToString();
        return path.Length == 0 || path.StartsWith("//", StringComparison.Ordinal) || path.StartsWith("/\\", StringComparison.Ordinal) ? "/" : path;
    }

    /// <summary>
    /// A GET with <c>?mode=elder|normal</c> sets (or clears) the cookie and redirects to the same URL
    /// without the parameter; any other value is ignored, so a page never breaks on a bad link.
    /// </summary>
    public static IApplicationBuilder UseElderModeSwitch(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var mode = http.Request.Query[QueryKey].ToString();
        if (!HttpMethods.IsGet(http.Request.Method) || (mode != Elder && mode != Normal))
        {
            await next();
            return;
        }
        if (mode == Elder)
            http.Response.Cookies.Append(Cookie, Elder, new CookieOptions
            {
                Path = "/", MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true,
                Secure = http.Request.IsHttps,
            });
        else
            http.Response.Cookies.Delete(Cookie, new CookieOptions { Path = "/" });
        var rest = http.Request.Query.Where(q => !string.Equals(q.Key, QueryKey, StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)));
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Redirect(LocalPath(http) + QueryString.Create(rest));
    });
}
