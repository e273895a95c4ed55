using System.IO.Compression;
using System.Text.Json.Nodes;

namespace Fenghua.Cms.Data.Gazette;

/// <summary>
/// Reads JSON Lines shaped like the corpus (one document a line, .jsonl or .jsonl.gz). A record needs a
/// title and its gazette placement (gazette_year, gazette_issue, gazette_section); the others are refused
/// with their line number. Issues are made from the placements: 总第S期 from gazette_total_issue, the
/// publication date from gazette_date or else the latest document date in the issue.
/// </summary>
public static class GazetteJsonLinesReader
{
    public static async Task<GazetteImportSource> ReadAsync(string file, CancellationToken ct)
    {
        await using var stream = File.OpenRead(file);
        Stream input = file.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(stream, CompressionMode.Decompress) : stream;
        await using var _ = input;
        using var reader = new StreamReader(input, System.Text.Encoding.UTF8);
        var source = new GazetteImportSource();
        var groups = new Dictionary<(int, int), (int? Total, DateOnly? Date, List<(GazetteImportArticle A, DateOnly? Date)> Items)>();
        var seenIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var lineNumber = 0;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var location = $"第 {lineNumber} 行";
            var o = GazetteRecordFields.Parse(line, out var parseError);
            if (o is null)
            {
                source.Rejected.Add(new(location, lineNumber, parseError!));
                continue;
            }
            var (article, date, total, issueDate, reason) = ReadRecord(o);
            if (article is null)
            {
                source.Rejected.Add(new(location, lineNumber, reason!));
                continue;
            }
            if (article.SourceId is { } id)
            {
                if (seenIds.TryGetValue(id, out var first))
                {
                    source.Rejected.Add(new(location, lineNumber, $"id“{id}”与第 {first} 行重复"));
                    continue;
                }
                seenIds[id] = lineNumber;
            }
            var key = (article.Year, article.Issue);
            if (!groups.TryGetValue(key, out var g)) groups[key] = g = (null, null, []);
            g.Items.Add((new GazetteImportArticle(location, lineNumber, article), date));
            groups[key] = (g.Total ?? total, issueDate ?? g.Date, g.Items);
        }
        foreach (var ((year, issue), g) in groups.OrderBy(x => x.Key))
        {
            var published = g.Date ?? g.Items.Select(i => i.Date).Where(d => d is not null).Max() ?? new DateOnly(year, 1, 1);
            var sections = g.Items.GroupBy(i => i.A.Article.Section).OrderBy(s => s.Min(i => i.A.Article.Order)).Select(s => s.Key).ToList();
            var issueInput = new GazetteIssueInput(year, issue, published) { TotalIssue = g.Total, Sections = sections };
            source.Issues.Add(new GazetteImportIssue(GazetteCitation.IssueLabel(year, issue), issueInput,
                g.Items.Select(i => i.A).OrderBy(a => a.Article.Order).ThenBy(a => a.Line).ToList()));
        }
        return source;
    }

    private static (GazetteArticleInput? Article, DateOnly? Date, int? Total, DateOnly? IssueDate, string? Reason) ReadRecord(JsonObject o)
    {
        var errors = new List<string>();
        var year = GazetteRecordFields.Int(o, "gazette_year", errors);
        var issue = GazetteRecordFields.Int(o, "gazette_issue", errors);
        var section = GazetteRecordFields.Str(o, "gazette_section");
        if (errors.Count == 0 && (year is null || issue is null || section is null))
        {
            var missing = new[] { ("gazette_year", year is null), ("gazette_issue", issue is null), ("gazette_section", section is null) }
                .Where(m => m.Item2).Select(m => m.Item1);
            return (null, null, null, null, $"没有公报位置：缺少 {string.Join("、", missing)}");
        }
        var title = GazetteRecordFields.Str(o, "title");
        if (title is null) errors.Add("缺少标题 title");
        var order = GazetteRecordFields.Int(o, "gazette_order", errors) ?? 0;
        var total = GazetteRecordFields.Int(o, "gazette_total_issue", errors);
        var pageFrom = GazetteRecordFields.Int(o, "gazette_page_from", errors);
        var pageTo = GazetteRecordFields.Int(o, "gazette_page_to", errors);
        var date = GazetteRecordFields.Date(o, "date", errors);
        var issueDate = GazetteRecordFields.Date(o, "gazette_date", errors);
        if (errors.Count > 0) return (null, null, null, null, string.Join("；", errors));
        var body = GazetteRecordFields.Str(o, "body");
        var article = new GazetteArticleInput(year!.Value, issue!.Value, section!, order, title!)
        {
            SourceId = GazetteRecordFields.Str(o, "id"),
            DocumentNumber = GazetteRecordFields.Str(o, "doc_number"),
            Issuer = GazetteRecordFields.Str(o, "issuer"),
            WrittenDate = date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            IndexNumber = GazetteRecordFields.Str(o, "index_number"),
            Topic = GazetteRecordFields.Str(o, "topic"),
            Markdown = body is null ? null : PlainTextMarkdown.FromPlainText(body),
            PageFrom = pageFrom,
            PageTo = pageTo,
        };
        return (article, date, total, issueDate, null);
    }
}
