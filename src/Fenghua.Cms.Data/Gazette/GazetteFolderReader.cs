using System.Text.Json.Nodes;

namespace Fenghua.Cms.Data.Gazette;

/// <summary>
/// Reads a folder of issue folders (or one issue folder). Each issue folder holds issue.json:
/// { "year", "issue", "totalIssue", "publicationDate", "pdf": "issue.pdf", "sections": [...],
///   "articles": [ { "id", "title", "doc_number", "issuer", "date", "section", "order", "page_from", "page_to",
///                   "file": "01.md" (Markdown) or "01.txt" (plain text), or "body": "plain text" } ] }.
/// </summary>
public static class GazetteFolderReader
{
    public const string MetadataFile = "issue.json";

    public static async Task<GazetteImportSource> ReadAsync(string folder, CancellationToken ct)
    {
        var source = new GazetteImportSource();
        var issueFolders = File.Exists(Path.Combine(folder, MetadataFile))
            ? [folder]
            : Directory.EnumerateDirectories(folder).Where(d => File.Exists(Path.Combine(d, MetadataFile))).Order(StringComparer.Ordinal).ToList();
        foreach (var dir in issueFolders)
            await ReadIssueAsync(folder, dir, source, ct);
        return source;
    }

    private static async Task ReadIssueAsync(string root, string dir, GazetteImportSource source, CancellationToken ct)
    {
        var relative = Path.GetRelativePath(root, Path.Combine(dir, MetadataFile));
        var o = GazetteRecordFields.Parse(await File.ReadAllTextAsync(Path.Combine(dir, MetadataFile), ct), out var parseError);
        if (o is null)
        {
            source.Rejected.Add(new(relative, 0, parseError!));
            return;
        }
        var errors = new List<string>();
        var year = GazetteRecordFields.Int(o, "year", errors);
        var issue = GazetteRecordFields.Int(o, "issue", errors);
        var total = GazetteRecordFields.Int(o, "totalIssue", errors);
        var date = GazetteRecordFields.Date(o, "publicationDate", errors);
        if (year is null) errors.Add("缺少 year");
        if (issue is null) errors.Add("缺少 issue");
        if (date is null) errors.Add("缺少 publicationDate");
        string? pdf = null;
        if (GazetteRecordFields.Str(o, "pdf") is { } pdfName)
        {
            pdf = Path.GetFullPath(Path.Combine(dir, pdfName));
            if (!pdf.StartsWith(Path.GetFullPath(dir), StringComparison.Ordinal) || !File.Exists(pdf)) errors.Add($"找不到 PDF 文件 {pdfName}");
        }
        var articles = o["articles"] as JsonArray ?? [];
        if (errors.Count > 0)
        {
            source.Rejected.Add(new(relative, 0, string.Join("；", errors)));
            for (var i = 0; i < articles.Count; i++) source.Rejected.Add(new($"{relative} 第 {i + 1} 篇", i + 1, "所在期的元数据有误"));
            return;
        }
        var sections = (o["sections"] as JsonArray)?.Select(n => n?.GetValue<string>()).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!).ToList() ?? [];
        var list = new List<GazetteImportArticle>();
        for (var i = 0; i < articles.Count; i++)
        {
            var at = $"{relative} 第 {i + 1} 篇";
            if (articles[i] is not JsonObject a)
            {
                source.Rejected.Add(new(at, i + 1, "不是 JSON 对象"));
                continue;
            }
            var e = new List<string>();
            var title = GazetteRecordFields.Str(a, "title");
            var section = GazetteRecordFields.Str(a, "section");
            if (title is null) e.Add("缺少标题 title");
            if (section is null) e.Add("没有公报位置：缺少 section");
            var order = GazetteRecordFields.Int(a, "order", e) ?? i + 1;
            var written = GazetteRecordFields.Date(a, "date", e);
            var pageFrom = GazetteRecordFields.Int(a, "page_from", e);
            var pageTo = GazetteRecordFields.Int(a, "page_to", e);
            string? markdown = GazetteRecordFields.Str(a, "body") is { } body ? PlainTextMarkdown.FromPlainText(body) : null;
            if (GazetteRecordFields.Str(a, "file") is { } file)
            {
                var path = Path.GetFullPath(Path.Combine(dir, file));
                if (!path.StartsWith(Path.GetFullPath(dir), StringComparison.Ordinal) || !File.Exists(path)) e.Add($"找不到正文文件 {file}");
                else
                {
                    var text = await File.ReadAllTextAsync(path, ct);
                    markdown = path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? text : PlainTextMarkdown.FromPlainText(text);
                }
            }
            if (e.Count > 0)
            {
                source.Rejected.Add(new(at, i + 1, string.Join("；", e)));
                continue;
            }
            if (!sections.Contains(section!)) sections.Add(section!);
            list.Add(new GazetteImportArticle(at, i + 1, new GazetteArticleInput(year!.Value, issue!.Value, section!, order, title!)
            {
                SourceId = GazetteRecordFields.Str(a, "id"),
                DocumentNumber = GazetteRecordFields.Str(a, "doc_number"),
                Issuer = GazetteRecordFields.Str(a, "issuer"),
                WrittenDate = written?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                Markdown = markdown,
                PageFrom = pageFrom,
                PageTo = pageTo,
            }));
        }
        source.Issues.Add(new GazetteImportIssue(relative, new GazetteIssueInput(year!.Value, issue!.Value, date!.Value) { TotalIssue = total, Sections = sections, PdfFile = pdf }, list));
    }
}
