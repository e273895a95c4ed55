namespace Fenghua.Cms.Search.Web;

/// <summary>The search parameters exactly as the user sent them, so a form with an error shows what was typed.</summary>
public sealed record SearchForm(
    string Q, string Site, string Column, string Type, string Issuer, string Year, string From, string To,
    string Validity, string Sort, string Page, string PerPage)
{
    public static SearchForm Read(IQueryCollection query)
    {
        string Get(string name) => string.Join(",", query[name].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()));
        return new(Get("q"), Get("site"), Get("column"), Get("type"), Get("issuer"), Get("year"), Get("from"), Get("to"),
            Get("validity"), Get("sort"), Get("page"), Get("per_page"));
    }

    /// <summary>True when the visitor asked for anything (otherwise the page shows just the form).</summary>
    public bool IsEmpty => Q.Length == 0 && Site.Length == 0 && Column.Length == 0 && Type.Length == 0 && Issuer.Length == 0
        && Year.Length == 0 && From.Length == 0 && To.Length == 0 && Validity.Length == 0;

    /// <summary>The form's parameters as a query string (empty ones left out), for links that change one of them.</summary>
    public string ToQueryString()
    {
        var pairs = new (string Key, string Value)[]
        {
            ("q", Q), ("site", Site), ("column", Column), ("type", Type), ("issuer", Issuer), ("year", Year),
            ("from", From), ("to", To), ("validity", Validity), ("sort", Sort), ("page", Page), ("per_page", PerPage),
        };
        var qs = QueryString.Create(pairs.Where(p => p.Value.Length > 0).Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)));
        return qs.Value ?? "";
    }
}
