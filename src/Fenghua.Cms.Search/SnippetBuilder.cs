using System.Text;

namespace Fenghua.Cms.Search;

/// <summary>
/// Builds HTML-safe snippets: finds the query's terms in the folded text (so full-width,
/// case and 、/quote variants still match), picks the window with the most distinct terms,
/// escapes everything and wraps matches in &lt;mark&gt;. Literal matching on stored text is
/// much cheaper than re-running SmartCn over the body for every hit.
/// </summary>
internal static class SnippetBuilder
{
    public static string Escape(string s)
    {
        var sb = new StringBuilder(s.Length + 16);
        AppendEscaped(sb, s, 0, s.Length);
        return sb.ToString();
    }

    private static void AppendEscaped(StringBuilder sb, string s, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            var c = s[i];
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                case '\r': case '\n': case '\t': sb.Append(' '); break;
                default: sb.Append(c); break;
            }
        }
    }

    /// <summary>Terms worth marking: single characters only when the query has nothing longer.</summary>
    public static string[] UsefulTerms(IEnumerable<string> terms)
    {
        var folded = terms.Select(TextFolder.Fold).Where(t => t.Length > 0).Distinct().ToArray();
        var longer = folded.Where(t => t.Length > 1).ToArray();
        return (longer.Length > 0 ? longer : folded).OrderByDescending(t => t.Length).ToArray();
    }

    /// <summary>Match ranges [start, end) in original offsets, merged and sorted.</summary>
    private static List<(int Start, int End, int Term)> FindMatches(string text, string[] terms, int limit)
    {
        var ranges = new List<(int, int, int)>();
        if (terms.Length == 0 || text.Length == 0) return ranges;
        var scope = text.Length > limit ? text[..limit] : text;
        var folded = TextFolder.Fold(scope, out var map);
        for (var t = 0; t < terms.Length; t++)
        {
            var term = terms[t];
            var from = 0;
            while (from <= folded.Length - term.Length)
            {
                var i = folded.IndexOf(term, from, StringComparison.Ordinal);
                if (i < 0) break;
                ranges.Add((map[i], map[i + term.Length - 1] + 1, t));
                from = i + term.Length;
            }
        }
        ranges.Sort((a, b) => a.Item1 != b.Item1 ? a.Item1.CompareTo(b.Item1) : b.Item2.CompareTo(a.Item2));
        var merged = new List<(int, int, int)>();
        foreach (var r in ranges)
        {
            if (merged.Count > 0 && r.Item1 < merged[^1].Item2)
            {
                var last = merged[^1];
                merged[^1] = (last.Item1, Math.Max(last.Item2, r.Item2), last.Item3);
            }
            else merged.Add(r);
        }
        return merged;
    }

    public static string Highlight(string text, string[] terms)
    {
        var matches = FindMatches(text, terms, text.Length);
        return Render(text, 0, text.Length, matches);
    }

    public static string Snippet(string text, string[] terms, int length = 160)
    {
        // Only the first 100k chars are scanned: bounds the cost on very long bodies.
        var matches = FindMatches(text, terms, 100_000);
        var start = 0;
        if (matches.Count > 0)
        {
            // Window start at each match (with a little lead-in); keep the one covering most distinct terms.
            var best = -1;
            for (var i = 0; i < matches.Count; i++)
            {
                var ws = matches[i].Start;
                var seen = new HashSet<int>();
                for (var j = i; j < matches.Count && matches[j].End <= ws + length; j++) seen.Add(matches[j].Term);
                if (seen.Count > best)
                {
                    best = seen.Count;
                    start = ws;
                }
            }
            start = Math.Max(0, start - 20);
        }
        var end = Math.Min(text.Length, start + length);
        var sb = new StringBuilder();
        if (start > 0) sb.Append('…');
        sb.Append(Render(text, start, end, matches));
        if (end < text.Length) sb.Append('…');
        return sb.ToString().Trim();
    }

    private static string Render(string text, int start, int end, List<(int Start, int End, int Term)> matches)
    {
        var sb = new StringBuilder((end - start) + 32);
        var pos = start;
        foreach (var (s, e, _) in matches)
        {
            if (e <= start || s < pos) continue;
            if (s >= end) break;
            var me = Math.Min(e, end);
            AppendEscaped(sb, text, pos, s);
            sb.Append("<mark>");
            AppendEscaped(sb, text, s, me);
            sb.Append("</mark>");
            pos = me;
        }
        if (pos < end) AppendEscaped(sb, text, pos, end);
        return sb.ToString();
    }
}
