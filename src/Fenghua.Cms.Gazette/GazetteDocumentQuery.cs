using System.Globalization;
using Microsoft.Extensions.Primitives;
using Fenghua.Cms.Theming.Http;

namespace Fenghua.Cms.Gazette;

/// <summary>
/// The parameters of a gazette document search (page, API, CSV, Atom): term, issuer, section, year, issue,
/// from/to (issue publication date), order, page, per_page. <see cref="Parse"/> names the first bad parameter.
/// </summary>
public sealed record GazetteDocumentQuery
{
    public const int MaxPerPage = 1000;
    public const int MaxWindow = 100_000;
    public const int MaxTermLength = 200;

    public string? Term { get; init; }
    public string? Issuer { get; init; }
    public string? Section { get; init; }
    public int? Year { get; init; }
    public int? Issue { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public GazetteOrder Order { get; init; } = GazetteOrder.Relevance;
    public int Page { get; init; } = 1;
    public int PerPage { get; init; } = 20;

    public bool HasFilters => Issuer is not null || Section is not null || Year is not null || Issue is not null || From is not null || To is not null;

    /// <summary>Reads the query string; on a bad value returns the parameter's name, what was typed and the rule.</summary>
    public static GazetteDocumentQuery Parse(IQueryCollection query, out GazetteParameterError? error, int defaultPerPage = 20)
    {
        error = null;
        var q = new GazetteDocumentQuery { PerPage = defaultPerPage };
        string? Text(string name) => query[name] is { Count: > 0 } v && !string.IsNullOrWhiteSpace(v[^1]) ? v[^1]!.Trim() : null;

        var term = Text("term") ?? Text("q");
        if (term is { Length: > MaxTermLength }) { error = new("term", term, $"最多 {MaxTermLength} 个字符"); return q; }
        var issuer = Text("issuer");
        if (issuer is { Length: > 100 }) { error = new("issuer", issuer, "最多 100 个字符"); return q; }
        var section = Text("section");
        if (section is { Length: > 50 }) { error = new("section", section, "最多 50 个字符"); return q; }
        if (!Int(Text("year"), 1949, 2100, out var year)) { error = new("year", Text("year")!, "应为 1949 至 2100 之间的年份"); return q; }
        if (!Int(Text("issue"), 1, 999, out var issue)) { error = new("issue", Text("issue")!, "应为 1 至 999 之间的期号"); return q; }
        if (!Date(Text("from"), out var from)) { error = new("from", Text("from")!, "应为 YYYY-MM-DD 日期"); return q; }
        if (!Date(Text("to"), out var to)) { error = new("to", Text("to")!, "应为 YYYY-MM-DD 日期"); return q; }
        if (from is { } f && to is { } t && f > t) { error = new("from", Text("from")!, $"不能晚于 to（{Text("to")}）"); return q; }
        var orderText = Text("order");
        GazetteOrder order;
        switch (orderText)
        {
            case null: order = term is null ? GazetteOrder.Newest : GazetteOrder.Relevance; break;
            case "relevance": order = GazetteOrder.Relevance; break;
            case "newest": order = GazetteOrder.Newest; break;
            case "oldest": order = GazetteOrder.Oldest; break;
            default: error = new("order", orderText, "应为 relevance、newest 或 oldest"); return q;
        }
        if (!Int(Text("page"), 1, MaxWindow, out var page)) { error = new("page", Text("page")!, "应为不小于 1 的整数"); return q; }
        if (!Int(Text("per_page"), 1, MaxPerPage, out var perPage)) { error = new("per_page", Text("per_page")!, $"应为 1 至 {MaxPerPage} 之间的整数"); return q; }
        var p = page ?? 1;
        var pp = perPage ?? defaultPerPage;
        if ((long)p * pp > MaxWindow) { error = new("page", Text("page")!, $"page × per_page 不能超过 {MaxWindow}"); return q; }
        return new GazetteDocumentQuery
        {
            Term = term, Issuer = issuer, Section = section, Year = year, Issue = issue, From = from, To = to,
            // Without a term there is no relevance: newest first.
            Order = term is null && order == GazetteOrder.Relevance ? GazetteOrder.Newest : order,
            Page = p, PerPage = pp,
        };
    }

    private static bool Int(string? text, int min, int max, out int? value)
    {
        value = null;
        if (text is null) return true;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) || v < min || v > max) return false;
        value = v;
        return true;
    }

    private static bool Date(string? text, out DateOnly? value)
    {
        value = null;
        if (text is null) return true;
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return false;
        value = d;
        return true;
    }

    /// <summary>The query string of this query (for links, feeds and pagers), without page unless asked.</summary>
    public string ToQueryString(int? page = null, string? format = null)
    {
        var pairs = new List<KeyValuePair<string, StringValues>>();
        void Add(string k, string? v) { if (v is not null) pairs.Add(new(k, v)); }
        Add("term", Term);
        Add("issuer", Issuer);
        Add("section", Section);
        Add("year", Year?.ToString(CultureInfo.InvariantCulture));
        Add("issue", Issue?.ToString(CultureInfo.InvariantCulture));
        Add("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (Order != (Term is null ? GazetteOrder.Newest : GazetteOrder.Relevance)) Add("order", Order.ToString().ToLowerInvariant());
        if (page is > 1) Add("page", page.Value.ToString(CultureInfo.InvariantCulture));
        Add("format", format);
        return Microsoft.AspNetCore.Http.QueryString.Create(pairs).ToString();
    }
}

/// <summary>A rejected parameter: its name, the value as typed, and the rule it broke.</summary>
public sealed record GazetteParameterError(string Parameter, string Value, string Rule)
{
    public IResult ToProblem() => ApiProblem.BadParameter($"参数 {Parameter} 无效", $"参数 {Parameter}=“{Value}”无效：{Rule}。", Parameter);
}
