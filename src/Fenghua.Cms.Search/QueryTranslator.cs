using System.Text.RegularExpressions;
using Fenghua.Cms.Core.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Fenghua.Cms.Search;

/// <summary>
/// Turns a <see cref="SearchQuery"/> into Lucene queries: the text part (classic query syntax,
/// falling back to plain words when it does not parse), document-number lookups in any spelling,
/// exact-title and title-phrase boosts, and the filters.
/// </summary>
internal sealed partial class QueryTranslator(GovAnalyzer queryAnalyzer)
{
    private static readonly string[] TextFields = [SearchFields.Title, SearchFields.Body, SearchFields.IssuerText, SearchFields.DocNumberText];
    private static readonly Dictionary<string, float> FieldBoosts = new()
    {
        [SearchFields.Title] = 4f,
        [SearchFields.Body] = 1f,
        [SearchFields.IssuerText] = 2f,
        [SearchFields.DocNumberText] = 2f,
    };

    /// <summary>The scored query, the bare text query (for highlighting) and whether the text fell back to plain words.</summary>
    public sealed record Built(Query Query, Query? TextQuery, bool PlainWords);

    public Built Build(string? text)
    {
        text = text?.Trim() ?? "";
        if (text.Length == 0) return new Built(new MatchAllDocsQuery(), null, false);

        var textQuery = ParseText(text, out var plain);
        var numberQueries = DocumentNumberQueries(text);
        var main = new BooleanQuery();
        if (numberQueries.Count > 0)
        {
            // A document number finds its document first; the words stay optional.
            foreach (var nq in numberQueries) main.Add(nq, Occur.SHOULD);
            if (textQuery is not null) main.Add(textQuery, Occur.SHOULD);
        }
        else
        {
            if (textQuery is null) return new Built(new MatchAllDocsQuery(), null, plain);
            main.Add(textQuery, Occur.MUST);
            var exact = new TermQuery(new Term(SearchFields.TitleExact, TextFolder.Fold(text.Replace("\"", "")))) { Boost = 50f };
            main.Add(exact, Occur.SHOULD);
            var phrase = new QueryBuilder(_phraseAnalyzer).CreatePhraseQuery(SearchFields.Title, text.Replace("\"", " "));
            if (phrase is not null)
            {
                phrase.Boost = 5f;
                main.Add(phrase, Occur.SHOULD);
            }
        }
        return new Built(main, textQuery, plain);
    }

    /// <summary>
    /// Classic syntax (words, "phrases", +/-, OR) over title, body, issuer and number; every word
    /// is required. Anything the parser rejects is searched as plain words and never throws.
    /// </summary>
    public Query? ParseText(string text, out bool plainWords)
    {
        plainWords = false;
        try
        {
            var q = NewParser().Parse(text);
            if (!IsEmpty(q)) return q;
            if (q is null) return null;
        }
        catch (Exception e) when (e is ParseException or BooleanQuery.TooManyClausesException or ArgumentException)
        {
            // fall through to plain words
        }
        plainWords = true;
        var words = SpecialChars().Replace(text, " ");
        words = Operators().Replace(words, m => m.Value.ToLowerInvariant());
        if (string.IsNullOrWhiteSpace(words)) return null;
        try
        {
            var q = NewParser().Parse(words);
            return IsEmpty(q) ? null : q;
        }
        catch (Exception e) when (e is ParseException or BooleanQuery.TooManyClausesException or ArgumentException)
        {
            return null;
        }
    }

    private readonly GovAnalyzer _phraseAnalyzer = new(GovTermDictionary.Empty, queryMode: true);

    private MultiFieldQueryParser NewParser() => new PhraseAwareParser(TextFields, queryAnalyzer, _phraseAnalyzer, FieldBoosts)
    {
        DefaultOperator = Operator.AND,
        AllowLeadingWildcard = false,
        AutoGeneratePhraseQueries = false,
    };

    /// <summary>
    /// Quoted phrases are analyzed without the dictionary: the index keeps every SmartCn fragment
    /// at its position (units are stacked on top), so a phrase of fragments matches even when a
    /// dictionary term sits in the middle of it, whereas a unit token would shift what follows it.
    /// </summary>
    private sealed class PhraseAwareParser(string[] fields, GovAnalyzer words, GovAnalyzer phrases, IDictionary<string, float> boosts)
        : MultiFieldQueryParser(GovAnalyzer.Version, fields, words, boosts)
    {
        protected override Query GetFieldQuery(string field, string queryText, bool quoted)
        {
            if (!quoted) return base.GetFieldQuery(field, queryText, quoted);
            Analyzer = phrases;
            try { return base.GetFieldQuery(field, queryText, quoted); }
            finally { Analyzer = words; }
        }
    }

    private static bool IsEmpty(Query? q) => q is null || q is BooleanQuery { Clauses.Count: 0 };

    /// <summary>
    /// 发文字号 lookups: canonical key (any bracket/width spelling, via DocumentNumber), the
    /// normalized text as typed (国务院令第382号 has no year), and "2018 42号" = year + sequence.
    /// </summary>
    public static List<Query> DocumentNumberQueries(string text)
    {
        var list = new List<Query>();
        if (DocumentNumber.TryParse(text, out var number))
            list.Add(new TermQuery(new Term(SearchFields.DocNumberKey, number.Key)) { Boost = 1000f });
        var norm = DocumentNumber.Normalize(text);
        if (norm.EndsWith('号') && norm.Length >= 3)
            list.Add(new TermQuery(new Term(SearchFields.DocNumberNorm, norm.Replace("第", ""))) { Boost = 1000f });
        // The compact key as printed by DocumentNumber.Key (国办发2018-128).
        var compact = TextFolder.Fold(text);
        if (KeyForm().IsMatch(compact))
            list.Add(new TermQuery(new Term(SearchFields.DocNumberKey, compact)) { Boost = 1000f });
        var folded = new string(text.Select(TextFolder.FoldChar).ToArray());
        var ys = YearSequence().Match(folded.Trim());
        if (ys.Success)
            list.Add(new TermQuery(new Term(SearchFields.DocNumberYearSeq, $"{ys.Groups["y"].Value}-{int.Parse(ys.Groups["s"].Value)}")) { Boost = 500f });
        return list;
    }

    /// <summary>All filters as one required query, or null when none is set.</summary>
    public static Query? BuildFilter(SearchQuery q)
    {
        var b = new BooleanQuery();
        if (q.Sites is { Count: > 0 })
        {
            var sites = new BooleanQuery();
            foreach (var s in q.Sites) sites.Add(new TermQuery(new Term(SearchFields.Site, s)), Occur.SHOULD);
            b.Add(sites, Occur.MUST);
        }
        AddTerm(b, SearchFields.Type, q.ContentType);
        AddTerm(b, SearchFields.Issuer, q.Issuer);
        AddTerm(b, SearchFields.Validity, q.Validity);
        AddTerm(b, SearchFields.GazetteSection, q.GazetteSection);
        if (!string.IsNullOrWhiteSpace(q.Column))
        {
            // A column matches itself and its sub-columns, not siblings sharing a prefix.
            var col = NormalizeColumn(q.Column);
            var c = new BooleanQuery
            {
                { new TermQuery(new Term(SearchFields.Column, col)), Occur.SHOULD },
                { new PrefixQuery(new Term(SearchFields.Column, col + "/")), Occur.SHOULD },
            };
            b.Add(c, Occur.MUST);
        }
        if (q.Year is { } y) b.Add(NumericRangeQuery.NewInt32Range(SearchFields.Year, y, y, true, true), Occur.MUST);
        if (q.From is not null || q.To is not null)
            b.Add(NumericRangeQuery.NewInt32Range(SearchFields.PublishedDay, q.From is { } f ? DayNumber(f) : null, q.To is { } t ? DayNumber(t) : null, true, true), Occur.MUST);
        if (q.GazetteYear is { } gy) b.Add(NumericRangeQuery.NewInt32Range(SearchFields.GazetteYear, gy, gy, true, true), Occur.MUST);
        if (q.GazetteIssue is { } gi) b.Add(NumericRangeQuery.NewInt32Range(SearchFields.GazetteIssue, gi, gi, true, true), Occur.MUST);
        return b.Clauses.Count == 0 ? null : b;
    }

    private static void AddTerm(BooleanQuery b, string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value)) b.Add(new TermQuery(new Term(field, value.Trim())), Occur.MUST);
    }

    public static string NormalizeColumn(string column) => "/" + column.Trim().Trim('/');

    /// <summary>yyyyMMdd as an int: sortable and range-queryable.</summary>
    public static int DayNumber(DateOnly d) => d.Year * 10000 + d.Month * 100 + d.Day;

    [GeneratedRegex(@"[+\-!(){}\[\]^""~*?:\\/&|]")]
    private static partial Regex SpecialChars();

    [GeneratedRegex(@"^\D+\d{4}-\d{1,6}$")]
    private static partial Regex KeyForm();

    [GeneratedRegex(@"\b(AND|OR|NOT)\b")]
    private static partial Regex Operators();

    [GeneratedRegex(@"^[〔\[(【]?\s*(?<y>\d{4})\s*(?:[〕\])】年]|\s)+\s*第?\s*(?<s>\d{1,6})\s*号?$")]
    private static partial Regex YearSequence();
}
